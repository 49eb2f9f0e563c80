package dev.scansion.exec;

/** Opens actor sessions; the seam between the step logic and the network (fakes in tests). */
@FunctionalInterface
public interface SessionFactory {
    /**
     * Connects, secures (per policy), authenticates and binds.
     *
     * @param tap receives the redacted wire trace (for {@code --verbose})
     * @throws SessionException with a one-line reason when any stage fails
     */
    ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException, InterruptedException;

    /**
     * Creates the request's account by in-band registration (XEP-0077) on a stream that does not log
     * in, with the request's password ({@code --register}).
     *
     * @throws SessionException with a one-line reason when the server cannot be reached or refuses
     */
    default void register(ConnectRequest request, WireTap tap) throws SessionException, InterruptedException {
        throw new SessionException(SessionException.Kind.NEGOTIATION, "in-band registration is not available here");
    }
}
