package dev.scansion.junit;

import dev.scansion.cli.FlakyServer;
import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/**
 * For the engine, which makes its session factory from a class name ({@code scansion.session-factory}):
 * a {@link FlakyServer} whose first connect after {@link #reset} is mute, so a script's first
 * attempt times out and its retry passes. Static, because the engine makes its own instance.
 */
public final class MutedFirstServer implements SessionFactory {
    private static volatile FlakyServer server = new FlakyServer(1);

    static void reset() {
        server = new FlakyServer(1);
    }

    static int connects() {
        return server.connects.get();
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        return server.connect(request, tap);
    }
}
