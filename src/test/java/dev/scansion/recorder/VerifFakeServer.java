package dev.scansion.recorder;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.BufferedFakeSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/**
 * A fake server for the recorder's tests: each connect binds {@code jid/resource} (or a resource it
 * makes up), and each send is answered by {@code replies} (connection number, xml sent) to that
 * session. It remembers what was sent and which connections were closed.
 */
final class VerifFakeServer implements SessionFactory {
    final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final BiFunction<Integer, String, List<String>> replies;

    VerifFakeServer(BiFunction<Integer, String, List<String>> replies) {
        this.replies = replies;
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        requests.add(request);
        int n = connects.incrementAndGet();
        if (request.password().equals("wrong")) {
            throw new SessionException(SessionException.Kind.AUTHENTICATION, "SASL authentication failed: not-authorized");
        }
        Session s = new Session(n, request.jid() + "/" + request.resource().orElse("minted" + n));
        sessions.add(s);
        return s;
    }

    final class Session extends BufferedFakeSession {
        final int number;
        final List<String> sent = new CopyOnWriteArrayList<>();

        Session(int number, String fullJid) {
            super(fullJid);
            this.number = number;
        }

        @Override
        public void send(String xml) throws SessionException {
            if (closed) throw new SessionException(SessionException.Kind.CLOSED, "disconnected");
            sent.add(xml);
            for (String r : replies.apply(number, xml)) deliver(r);
        }

        void deliver(String raw) {
            buffer.add(new Inbound.Stanza(raw, Instant.now()));
        }

        /** The server ends the stream. */
        void close(String reason) {
            buffer.add(new Inbound.Closed(reason, Instant.now()));
        }

        @Override
        public void disconnect() {
            closed = true;
        }
    }
}
