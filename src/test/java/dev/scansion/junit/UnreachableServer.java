package dev.scansion.junit;

import java.util.concurrent.atomic.AtomicInteger;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/** For the engine ({@code scansion.session-factory}): every connect is refused; counts the attempts. */
public final class UnreachableServer implements SessionFactory {
    static final AtomicInteger CONNECTS = new AtomicInteger();

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        CONNECTS.incrementAndGet();
        throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot connect to " + request.host() + ":"
                + request.port() + ": connection refused");
    }
}
