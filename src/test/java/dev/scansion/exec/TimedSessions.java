package dev.scansion.exec;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thread-safe fake server for runs with several scripts in flight: a ping {@code <iq id='X'>}
 * is answered from another thread after {@code holdMillis(actor)} (an error when the id starts
 * with {@code fail}, nothing at all when the hold is negative), and each session's connect and
 * disconnect are stamped, so tests can see which scripts were in flight together.
 */
final class TimedSessions implements SessionFactory, AutoCloseable {
    private static final Pattern ID = Pattern.compile("id=['\"]([^'\"]+)['\"]");

    /** One actor's session: when it connected and disconnected ({@link System#nanoTime()}; 0 while open). */
    record Interval(String actor, long connected, long disconnected) {
        boolean overlaps(Interval o) {
            return connected < o.disconnected && o.connected < disconnected;
        }
    }

    final List<Interval> intervals = new CopyOnWriteArrayList<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger mostOpen = new AtomicInteger();
    final Map<String, AtomicInteger> connects = new ConcurrentHashMap<>();
    private final ToLongFunction<String> holdMillis;
    private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-replies");
        t.setDaemon(true);
        return t;
    });

    TimedSessions(ToLongFunction<String> holdMillis) {
        this.holdMillis = holdMillis;
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) {
        connects.computeIfAbsent(request.actor(), a -> new AtomicInteger()).incrementAndGet();
        int now = open.incrementAndGet();
        mostOpen.accumulateAndGet(now, Math::max);
        return new Session(request.actor(), request.jid() + "/fake", System.nanoTime());
    }

    @Override
    public void close() {
        replies.shutdownNow();
    }

    private final class Session extends BufferedFakeSession {
        private final String actor;
        private final long connected;

        Session(String actor, String fullJid, long connected) {
            super(fullJid);
            this.actor = actor;
            this.connected = connected;
        }

        @Override
        public void send(String xml) throws SessionException {
            if (closed) throw new SessionException(SessionException.Kind.CLOSED, "disconnected");
            Matcher id = ID.matcher(xml);
            if (!id.find()) return;
            String type = id.group(1).startsWith("fail") ? "error" : "result";
            String reply = "<iq type='" + type + "' id='" + id.group(1) + "' from='localhost' to='" + fullJid + "'/>";
            long hold = holdMillis.applyAsLong(actor);
            if (hold < 0) return;
            replies.schedule(() -> buffer.add(new Inbound.Stanza(reply, Instant.now())), hold, TimeUnit.MILLISECONDS);
        }

        @Override
        public void disconnect() {
            if (closed) return;
            closed = true;
            intervals.add(new Interval(actor, connected, System.nanoTime()));
            open.decrementAndGet();
        }
    }
}
