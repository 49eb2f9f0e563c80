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
}
