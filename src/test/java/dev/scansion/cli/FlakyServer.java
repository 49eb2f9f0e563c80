package dev.scansion.cli;

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
 * {@link FakeServer}, except that the sessions of the first {@code mute} connects drop what is sent
 * to them: a script's first attempts time out with nothing arrived, later ones pass.
 */
public final class FlakyServer implements SessionFactory {
    final FakeServer server = new FakeServer();
    public final AtomicInteger connects = new AtomicInteger();
    private final int mute;

    public FlakyServer(int mute) {
        this.mute = mute;
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        ActorSession real = server.connect(request, tap);
        return connects.incrementAndGet() <= mute ? new Muted(real) : real;
    }

    private record Muted(ActorSession real) implements ActorSession {
        @Override
        public String fullJid() {
            return real.fullJid();
        }

        @Override
        public void send(String xml) {
            // dropped: the server never answers
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
    }
}
