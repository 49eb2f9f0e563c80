package dev.scansion.report;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live status line on a terminal ("[3/45] muc_create.scs: Romeo receives"), shown only once the
 * run has lasted a moment, and erased before any other output. All output of the console reporter
 * goes through {@link #lock()}.
 */
final class ProgressLine implements AutoCloseable {
    private static final long DELAY_MS = 1000;
    private static final String[] SPIN = {"|", "/", "-", "\\"};

    private final PrintWriter out;
    private final Object lock = new Object();
    private final long started = System.nanoTime();
    private ScheduledExecutorService ticker;
    private String status = "";
    private int shownWidth;
    private int tick;

    ProgressLine(PrintWriter out) {
        this.out = out;
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
        ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
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

    private void draw() {
        synchronized (lock) {
            if ((System.nanoTime() - started) / 1_000_000 < DELAY_MS || status.isEmpty()) return;
            String line = SPIN[tick++ % SPIN.length] + " " + Text.truncate(status, width() - 3);
            clear();
            out.print(line);
            out.flush();
            shownWidth = line.length();
        }
    }

    /** The terminal width from COLUMNS, else 80: a line that wraps could not be erased with \r. */
    private static int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? 80 : Math.max(20, Integer.parseInt(columns.trim()));
        } catch (NumberFormatException e) {
            return 80;
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
