package dev.scansion.junit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;
import dev.scansion.report.FakeServer;

/**
 * For the engine (loaded by {@code scansion.session-factory}): {@link FakeServer}, except that the
 * session of the first connect after {@link #reset} drops what is sent to it, so a script's first
 * attempt times out and its retry passes.
 */
public final class MutedFirstServer implements SessionFactory {
    static final AtomicInteger CONNECTS = new AtomicInteger();
    private final FakeServer server = new FakeServer();

    static void reset() {
        CONNECTS.set(0);
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        ActorSession real = server.connect(request, tap);
        if (CONNECTS.incrementAndGet() > 1) return real;
        return new ActorSession() {
            @Override
            public String fullJid() {
                return real.fullJid();
            }

            @Override
            public void send(String xml) {
                // dropped
            }

            @Override
            public Optional<Inbound> next(Duration timeout) throws InterruptedException {
                return real.next(timeout);
            }

            @Override
            public List<Inbound> drain() {
                return real.drain();
            }

            @Override
            public Optional<Inbound> ended() {
                return real.ended();
            }

            @Override
            public void disconnect() {
                real.disconnect();
            }
        };
    }
}
