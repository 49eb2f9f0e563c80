package dev.scansion.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A scripted server: sessions whose inbound queues tests fill by hand or in reaction to sends. */
final class FakeSessions implements SessionFactory {
    final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, List<FakeSession>> byActor = new HashMap<>();
    private final Map<String, SessionException> failures = new HashMap<>();
    private final Map<String, List<String>> preloaded = new HashMap<>();
    /** Called after every send with (actor, xml); may deliver replies. */
    BiConsumer<String, String> onSend = (a, x) -> {
    };

    /** The next connect of {@code actor} fails. */
    FakeSessions failConnect(String actor, SessionException e) {
        failures.put(actor, e);
        return this;
    }

    /** Every connect fails with {@code e}, after passing {@code wire} (direction, xml) to the tap. */
    FakeSessions failEveryConnect(SessionException e, String... wire) {
        always = e;
        alwaysWire = List.of(wire);
        return this;
    }

    private SessionException always;
    private List<String> alwaysWire = List.of();

    /** Stanzas the actor finds in its buffer as soon as it has connected. */
    FakeSessions preload(String actor, String... raws) {
        preloaded.computeIfAbsent(actor, k -> new ArrayList<>()).addAll(List.of(raws));
        return this;
    }

    FakeSession session(String actor) {
        List<FakeSession> list = byActor.get(actor);
        return list == null ? null : list.get(list.size() - 1);
    }

    void deliver(String actor, String raw) {
        session(actor).buffer.add(new Inbound.Stanza(raw, Instant.now()));
    }

    /** Delivers after a delay, from another thread (like a reader thread would). */
    void deliverLater(String actor, String raw, Duration delay) {
        FakeSession s = session(actor);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            s.buffer.add(new Inbound.Stanza(raw, Instant.now()));
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        requests.add(request);
        SessionException failure = failures.remove(request.actor());
        if (failure != null) throw failure;
        if (always != null) {
            for (String w : alwaysWire) {
                tap.wire(request.actor(), w.startsWith("<-") ? dev.scansion.result.Direction.RECEIVED
                        : dev.scansion.result.Direction.SENT, w.substring(2));
            }
            throw always;
        }
        String resource = request.resource().orElse("fake" + requests.size());
        FakeSession s = new FakeSession(request.actor(), request.jid() + "/" + resource);
        byActor.computeIfAbsent(request.actor(), k -> new ArrayList<>()).add(s);
        for (String raw : preloaded.getOrDefault(request.actor(), List.of())) {
            s.buffer.add(new Inbound.Stanza(raw, Instant.now()));
        }
        preloaded.remove(request.actor());
        return s;
    }

    final class FakeSession implements ActorSession {
        final String actor;
        final String fullJid;
        final InboundBuffer buffer = new InboundBuffer();
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile int disconnects;
        /** How often the runner asked whether the server has read this session's sends. */
        volatile int readChecks;

        FakeSession(String actor, String fullJid) {
            this.actor = actor;
            this.fullJid = fullJid;
        }

        @Override
        public String fullJid() {
            return fullJid;
        }

        @Override
        public void send(String xml) throws SessionException {
            Optional<Inbound> end = buffer.terminal();
            if (end.isPresent()) throw new SessionException(SessionException.Kind.CLOSED, end.get().describe());
            if (disconnects > 0) throw new SessionException(SessionException.Kind.CLOSED, "disconnected");
            sent.add(xml);
            onSend.accept(actor, xml);
        }

        @Override
        public boolean awaitServerRead(Duration bound) {
            readChecks++;
            return true;
        }

        /** How often the runner waited for the server to close this session. */
        volatile int closeChecks;

        @Override
        public boolean awaitServerClosed(Duration bound) {
            closeChecks++;
            return true;
        }

        @Override
        public Optional<Inbound> next(Duration timeout) throws InterruptedException {
            return buffer.next(timeout);
        }

        @Override
        public List<Inbound> drain() {
            return buffer.drain();
        }

        @Override
        public long dropped() {
            return buffer.dropped();
        }

        @Override
        public Optional<Inbound> ended() {
            return buffer.terminal();
        }

        @Override
        public void disconnect() {
            disconnects++;
        }

        /** The server ends the stream with an error. */
        void streamError(String condition, String text) {
            buffer.add(new Inbound.StreamError(condition, text, "<stream:error><" + condition
                    + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>", Instant.now()));
        }
    }
}
