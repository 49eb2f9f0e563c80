package dev.scansion.report;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import dev.scansion.text.DisplayWidth;

/**
 * A live status line on a terminal ("[3/45] muc_create.scs: Romeo receives", or with several
 * scripts in flight "[5/45] running: muc_join, pubsub_nodes"), shown only once the
 * run has lasted a moment, and erased before any other output. All output of the console reporter
 * goes through {@link #lock()}. The line is kept narrower than the terminal (one column spare),
 * because a line that wraps cannot be erased with {@code \r} and would leave one line per tick.
 */
final class ProgressLine implements AutoCloseable {
    private static final long DELAY_MS = 1000;
    private static final long TICK_MS = 250;
    /** Ask the terminal for its width again every few seconds, so that a resize is followed. */
    private static final int TICKS_PER_WIDTH = 8;
    private static final String[] SPIN = {"|", "/", "-", "\\"};

    private final PrintWriter out;
    private final IntSupplier terminalWidth;
    private final Object lock = new Object();
    private final long started = System.nanoTime();
    private ScheduledExecutorService ticker;
    private String status = "";
    private int shownWidth;
    private int tick;
    private volatile int width = -1;

    /** @param terminalWidth the terminal's columns, asked from the ticking thread (it may start a process) */
    ProgressLine(PrintWriter out, IntSupplier terminalWidth) {
        this.out = out;
        this.terminalWidth = terminalWidth;
    }

    Object lock() {
        return lock;
    }

    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scansion-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void status(String text) {
        synchronized (lock) {
            status = text;
        }
    }

    /** Erases the line; call with the lock held before printing anything else. */
    void clear() {
        if (shownWidth == 0) return;
        out.print("\r" + " ".repeat(shownWidth) + "\r");
        out.flush();
        shownWidth = 0;
    }

    private void tick() {
        // Outside the lock: asking the terminal starts a process, and printing must not wait for it.
        int w = width < 0 || tick % TICKS_PER_WIDTH == 0 ? terminalWidth.getAsInt() : width;
        synchronized (lock) {
            width = w;
            if ((System.nanoTime() - started) / 1_000_000 >= DELAY_MS) draw();
            tick++;
        }
    }

    /** Draws the spinner and the status, cut to the width; with the lock held. */
    void draw() {
        String spin = SPIN[tick % SPIN.length] + " ";
        int room = width - 1 - spin.length();
        if (status.isEmpty() || room < 1) return;
        String line = spin + DisplayWidth.cut(status, room);
        clear();
        out.print(line);
        out.flush();
        shownWidth = DisplayWidth.of(line);
    }

    /** For tests: the status the next draw shows. */
    String status() {
        synchronized (lock) {
            return status;
        }
    }

    /** For tests: the columns the next draw uses. */
    void width(int columns) {
        synchronized (lock) {
            width = columns;
        }
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
        synchronized (lock) {
            clear();
        }
    }
}
