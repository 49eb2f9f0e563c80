package dev.scansion.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import dev.scansion.result.StepOutcome;
import dev.scansion.text.Durations;

/**
 * Keeps the script's order across actors, whose connections are independent sockets:
 * <ul>
 * <li>after one actor's send, the server must have handled it before another actor acts
 * (connects, sends, disconnects). When its reading can be observed ({@link ActorSession#awaitServerRead}),
 * wait until it has read the send, then pause {@link RunConfig#settle()} from that moment, or just
 * {@link #AFTER_READ_PAUSE} for a server that handles each read to the end before the next
 * ({@link ActorSession#serverHandlesReadsInOrder}); otherwise pause {@code settle} after the send.
 * (Measured with specs/ejabberd/cross_actor_order.scs: ejabberd archives and routes a message in
 * the sender's session process after reading it, and 1 ms after the read reversed 7 of 10 runs,
 * 3 ms 2 of 10, 10 ms none.)</li>
 * <li>after a disconnect, the server must have closed its end ({@link ActorSession#awaitServerClosed})
 * before anyone acts again, and before the script ends (servers may reset state when the last
 * client leaves).</li>
 * </ul>
 * Observing costs a kernel table read of milliseconds, so each wait starts in the background right
 * after the send or disconnect and overlaps the steps in between (typically receives); by the
 * time the next actor acts it is usually over. A send's wait starts only when the script says
 * another actor acts next.
 * <p>
 * {@link RunConfig#order()} chooses the mechanism: {@code SOCKET_TABLE} as above; {@code PAUSE}
 * never reads the table and pauses {@code settle} after each send, counted from the write (a server
 * behind a proxy, or elsewhere); {@code AUTO} asks each session once whether the socket it watches
 * can be the server's ({@link ActorSession#orderDoubt}, {@link ProxyCheck}) and pauses for that
 * session's sends when it cannot, with one note on the step that waited. An explicit
 * {@code settle} ({@link RunConfig#settleGiven()}) is waited in full, also against Prosody.
 */
final class SendOrder implements AutoCloseable {
    /** How long to wait for a local server to read a send before falling back to the pause. */
    static final Duration READ_BOUND = Duration.ofSeconds(2);
    /** Once an in-order server has read a send, a moment for it to finish handling the stanza. */
    static final Duration AFTER_READ_PAUSE = Duration.ofMillis(1);

    private final Duration settle;
    private final boolean settleGiven;
    private final OrderMode mode;
    private final Duration closeBound;
    /** AUTO: each session's doubt, asked once (empty: the table watches the server's own socket). */
    private final Map<ActorSession, Optional<String>> doubts = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The first doubt, until a step carries it as a note; then null for good. */
    private volatile String note;
    private volatile boolean noted;
    private String lastSender;
    private ActorSession lastSession;
    private long lastSendNanos;
    /** The background wait for the last send: the nanoTime the server was seen to have read it, or -1. */
    private Future<Long> pending;
    /** Background waits for disconnected sessions to be closed by the server. */
    private final List<Future<Boolean>> closing = new ArrayList<>();
    private ExecutorService background;

    SendOrder(RunConfig config) {
        this(config.settle(), config.settleGiven(), config.order(), config.connectTimeout());
    }

    SendOrder(Duration settle, boolean settleGiven, OrderMode mode, Duration closeBound) {
        this.settle = settle;
        this.settleGiven = settleGiven;
        this.mode = mode;
        this.closeBound = closeBound;
    }

    /**
     * {@code actor} has just sent on {@code session}; {@code otherActsNext} says whether the
     * script's next acting step belongs to another actor (then the wait starts now).
     */
    void sent(String actor, ActorSession session, boolean otherActsNext) {
        if (pending != null) pending.cancel(true);
        pending = null;
        lastSender = actor;
        lastSession = session;
        lastSendNanos = System.nanoTime();
        if (otherActsNext) pending = background().submit(() -> readBy(session));
    }

    /** {@code session} has just been disconnected: the server's close is awaited before the next act. */
    void closed(ActorSession session) {
        if (mode == OrderMode.PAUSE) return;
        closing.add(background().submit(() -> session.awaitServerClosed(closeBound)));
    }

    /** Before {@code actor} acts: closes pending, and the last send if another actor made it. */
    void before(String actor) throws InterruptedException {
        awaitClosing();
        awaitLastSend(actor);
    }

    private void awaitLastSend(String actor) throws InterruptedException {
        if (lastSender == null || lastSender.equals(actor)) return;
        long observed = pending != null ? awaitRead() : readBy(lastSession);
        long pause = observed >= 0 && !settleGiven && lastSession.serverHandlesReadsInOrder()
                ? Math.min(AFTER_READ_PAUSE.toNanos(), settle.toNanos()) : settle.toNanos();
        pauseUntil((observed >= 0 ? observed : lastSendNanos) + pause);
        lastSender = null;
        lastSession = null;
        pending = null;
    }

    /** The end of the script: every disconnected session closed by the server, until {@code deadline} (nanoTime) at most. */
    void finish(long deadline) throws InterruptedException {
        for (Future<Boolean> f : closing) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // Not observable or too slow: the script is over anyway.
            }
        }
        closing.clear();
    }

    private void awaitClosing() throws InterruptedException {
        for (Future<Boolean> f : closing) {
            try {
                f.get(closeBound.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // Not observable or too slow: go on, as without the wait.
            }
        }
        closing.clear();
    }

    private long awaitRead() throws InterruptedException {
        try {
            return pending.get(READ_BOUND.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            return -1;
        }
    }

    /** When the server was seen to have read the last send on {@code session}; -1: pause from the write instead. */
    private long readBy(ActorSession session) throws InterruptedException {
        if (mode == OrderMode.PAUSE || mode == OrderMode.AUTO && doubted(session)) return -1;
        return session.awaitServerRead(READ_BOUND) ? System.nanoTime() : -1;
    }

    private boolean doubted(ActorSession session) {
        Optional<String> doubt = doubts.computeIfAbsent(session, ActorSession::orderDoubt);
        if (doubt.isPresent() && note == null && !noted) {
            note = "cross-actor order: pausing " + Durations.format(settle) + " after each send instead of "
                    + "watching the socket table: " + doubt.get();
        }
        return doubt.isPresent();
    }

    /** {@code outcome} with the pending order note, once per script, if it passed. */
    StepOutcome noted(StepOutcome outcome) {
        String n = note;
        if (n == null || noted || !(outcome instanceof StepOutcome.Passed p)) return outcome;
        noted = true;
        note = null;
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(n);
        return new StepOutcome.Passed(notes);
    }

    /** Sleeps until {@code deadline} (nanoTime), at sub-millisecond precision (Thread.sleep rounds up to 1 ms). */
    private static void pauseUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    private ExecutorService background() {
        if (background == null) background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scansion-order");
            t.setDaemon(true);
            return t;
        });
        return background;
    }

    /** Stops a wait still running (the script ended first). */
    @Override
    public void close() {
        if (background != null) background.shutdownNow();
    }
}
