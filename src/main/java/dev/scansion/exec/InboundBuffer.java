package dev.scansion.exec;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An actor's inbound queue: stanzas in arrival order, then at most one terminal item (stream error
 * or close) that stays at the head once reached, so that every later read sees why the stream ended.
 * Producers are reader threads; the consumer is the script thread.
 *
 * <p>Bounded: a server that floods faster than the script reads must not exhaust the heap. Once
 * {@link Limits#BUFFER_STANZAS} stanzas or {@link Limits#BUFFER_CHARS} characters wait unread, a
 * new stanza is dropped and counted ({@link #dropped}); a receive that fails says so. A single
 * stanza larger than the character cap is still taken when the queue is empty, so that it can be
 * compared and reported (cut).
 */
public final class InboundBuffer {
    private final ArrayDeque<Inbound> items = new ArrayDeque<>();
    private final int maxStanzas;
    private final long maxChars;
    private Inbound terminal;
    private long chars;
    private long dropped;

    public InboundBuffer() {
        this(Limits.BUFFER_STANZAS, Limits.BUFFER_CHARS);
    }

    InboundBuffer(int maxStanzas, long maxChars) {
        this.maxStanzas = maxStanzas;
        this.maxChars = maxChars;
    }

    /** Adds an item; anything after a terminal item is dropped (the stream is over), as is a stanza beyond the bounds. */
    public synchronized void add(Inbound item) {
        if (terminal != null) return;
        if (item.terminal()) {
            terminal = item;
        } else {
            long size = size(item);
            if (!items.isEmpty() && (items.size() >= maxStanzas || chars + size > maxChars)) {
                dropped++;
                return;
            }
            items.addLast(item);
            chars += size;
        }
        // Wakes the script thread waiting in next(): without it, a receive would wait its whole timeout.
        notifyAll();
    }

    /**
     * The next stanza, or the terminal item once every stanza before it was taken, waiting at most
     * {@code timeout}. Empty when nothing arrived in time.
     */
    public synchronized Optional<Inbound> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (items.isEmpty() && terminal == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            wait(Math.max(1, left / 1_000_000), 0);
        }
        if (items.isEmpty()) return Optional.of(terminal);
        Inbound first = items.removeFirst();
        chars -= size(first);
        return Optional.of(first);
    }

    /** Takes every stanza buffered now, without waiting; the terminal item stays. */
    public synchronized List<Inbound> drain() {
        List<Inbound> all = new ArrayList<>(items);
        items.clear();
        chars = 0;
        return all;
    }

    /** The terminal item, if the stream has ended (whether or not the stanzas before it were read). */
    public synchronized Optional<Inbound> terminal() {
        return Optional.ofNullable(terminal);
    }

    /** How many stanzas were dropped so far because the buffer was full. */
    public synchronized long dropped() {
        return dropped;
    }

    private static long size(Inbound item) {
        return item instanceof Inbound.Stanza s ? s.raw().length() : 0;
    }
}
