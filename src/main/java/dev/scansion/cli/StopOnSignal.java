package dev.scansion.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.scansion.exec.ScriptRunner;

/**
 * Turns SIGINT and SIGTERM (Ctrl-C, a CI job's timeout) during {@code run} into an orderly stop: the
 * JVM's shutdown hook cancels the runner (the step in progress ends as interrupted, its sessions are
 * closed, no further script starts) and waits, at most {@code grace}, for the command to print its
 * summary and write every requested report for what ran. The JVM then exits with the signal's
 * status, 130 or 143. A run that ends normally removes the hook first.
 */
final class StopOnSignal implements AutoCloseable {
    private final Runnable cancel;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean fired;

    private StopOnSignal(Runnable cancel, Duration grace) {
        this.cancel = cancel;
        this.grace = grace;
        this.hook = new Thread(this::stop, "scansion-stop");
    }

    static StopOnSignal install(ScriptRunner runner, Duration grace) {
        return install(runner::cancel, grace);
    }

    /** The same for another command ({@code record}): {@code cancel} starts its orderly stop and returns. */
    static StopOnSignal install(Runnable cancel, Duration grace) {
        StopOnSignal s = new StopOnSignal(cancel, grace);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    private void stop() {
        fired = true;
        cancel.run();
        try {
            finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a signal stopped the run. */
    boolean fired() {
        return fired;
    }

    /** The reports are written: the JVM may exit. */
    @Override
    public void close() {
        finished.countDown();
        if (fired) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook runs, and returns at once.
        }
    }
}
