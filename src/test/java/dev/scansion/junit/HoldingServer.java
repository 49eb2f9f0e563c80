package dev.scansion.junit;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.BufferedFakeSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/**
 * An in-memory server for the engine's parallel mode, loaded by class name
 * ({@code scansion.session-factory}), so what it observes is static: every stanza comes back to its
 * sender after {@link #HOLD_MS}, and each session's connect and disconnect are stamped, so a test
 * can see which scripts were in flight together. Call {@link #reset} first.
 */
public final class HoldingServer implements SessionFactory {
    static final long HOLD_MS = 40;
    /** Each closed session: actor, connected, disconnected ({@link System#nanoTime()}). */
    static final List<long[]> INTERVALS = new CopyOnWriteArrayList<>();
    static final List<String> ACTORS = new CopyOnWriteArrayList<>();
    static final AtomicInteger OPEN = new AtomicInteger();
    static final AtomicInteger MOST_OPEN = new AtomicInteger();
    private static final ScheduledExecutorService REPLIES = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "holding-server");
        t.setDaemon(true);
        return t;
    });

    static void reset() {
        INTERVALS.clear();
        ACTORS.clear();
        OPEN.set(0);
        MOST_OPEN.set(0);
    }

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) {
        MOST_OPEN.accumulateAndGet(OPEN.incrementAndGet(), Math::max);
        long connected = System.nanoTime();
        return new BufferedFakeSession(request.jid() + "/r") {
            @Override
            public void send(String xml) throws SessionException {
                if (closed) throw new SessionException(SessionException.Kind.CLOSED, "disconnected");
                REPLIES.schedule(() -> buffer.add(new Inbound.Stanza(xml, Instant.now())), HOLD_MS,
                        TimeUnit.MILLISECONDS);
            }

            @Override
            public void disconnect() {
                if (closed) return;
                closed = true;
                synchronized (INTERVALS) {
                    ACTORS.add(request.actor());
                    INTERVALS.add(new long[]{connected, System.nanoTime()});
                }
                OPEN.decrementAndGet();
            }
        };
    }
}
