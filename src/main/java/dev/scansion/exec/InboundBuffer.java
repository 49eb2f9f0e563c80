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
 */
public final class InboundBuffer {
    private final ArrayDeque<Inbound> items = new ArrayDeque<>();
    private Inbound terminal;

    /** Adds an item; anything after a terminal item is dropped (the stream is over). */
    public synchronized void add(Inbound item) {
        if (terminal != null) return;
        if (item.terminal()) terminal = item;
        else items.addLast(item);
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
        return Optional.of(items.isEmpty() ? terminal : items.removeFirst());
    }

    /** Takes every stanza buffered now, without waiting; the terminal item stays. */
    public synchronized List<Inbound> drain() {
        List<Inbound> all = new ArrayList<>(items);
        items.clear();
        return all;
    }

    /** The terminal item, if the stream has ended (whether or not the stanzas before it were read). */
    public synchronized Optional<Inbound> terminal() {
        return Optional.ofNullable(terminal);
    }
}
