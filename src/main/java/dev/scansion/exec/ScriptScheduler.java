package dev.scansion.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.scansion.result.ScriptResult;

/**
 * Starts the files of a run in their order, with up to {@code jobs} in flight; the results come
 * back in the input order whatever order the scripts end in.
 * <p>
 * With one job the files run on the calling thread, as they always have. With more, on a fixed
 * pool of {@code jobs} threads made for this run and shut down before {@link #run} returns. A
 * stop rule (a server found unusable, fail-fast) stops new starts: the scripts in flight finish,
 * the rest get the result {@code notRun} makes. A cancel stops new starts too, interrupts the
 * scripts in flight, and leaves the files never started out of the results (as a run stopped by a
 * signal always has).
 */
final class ScriptScheduler {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final int jobs;
    private final BooleanSupplier cancelled;
    /** The threads running a script now; changed and interrupted under its own lock only. */
    private final Set<Thread> inFlight = new HashSet<>();

    ScriptScheduler(int jobs, BooleanSupplier cancelled) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1");
        this.jobs = jobs;
        this.cancelled = cancelled;
    }

    /** What to do with the files, and when to stop starting them. */
    record Plan(Function<Path, ScriptResult> work, Function<ScriptResult, Optional<String>> stopAfter,
                BiFunction<Path, String, ScriptResult> notRun) {
        Plan {
            Objects.requireNonNull(work);
            Objects.requireNonNull(stopAfter);
            Objects.requireNonNull(notRun);
        }
    }

    /** Interrupts every script in flight (after the caller has set the cancelled flag). */
    void interruptInFlight() {
        synchronized (inFlight) {
            inFlight.forEach(Thread::interrupt);
        }
    }

    /** Runs {@code files} by {@code plan}; the results in input order (see the class comment). */
    List<ScriptResult> run(List<Path> files, Plan plan) {
        ScriptResult[] results = new ScriptResult[files.size()];
        AtomicReference<String> stop = new AtomicReference<>();
        Semaphore slots = new Semaphore(jobs);
        ExecutorService pool = jobs == 1 ? null : Executors.newFixedThreadPool(jobs, threads());
        List<Future<?>> started = new ArrayList<>();
        try {
            for (int i = 0; i < files.size() && !cancelled.getAsBoolean(); i++) {
                if (!acquire(slots)) break;
                String reason = stop.get();
                if (cancelled.getAsBoolean() || reason != null) slots.release();
                if (cancelled.getAsBoolean()) break;
                if (reason != null) {
                    results[i] = plan.notRun().apply(files.get(i), reason);
                    continue;
                }
                Runnable task = task(i, files.get(i), plan, results, stop, slots);
                if (pool == null) task.run();
                else started.add(pool.submit(task));
            }
            awaitAll(started);
        } finally {
            if (pool != null) shutdown(pool);
            // the calling thread may have been interrupted by a cancel while running a script
            if (pool == null) Thread.interrupted();
        }
        return Arrays.stream(results).filter(Objects::nonNull).toList();
    }

    private Runnable task(int i, Path file, Plan plan, ScriptResult[] results, AtomicReference<String> stop,
                          Semaphore slots) {
        return () -> {
            Thread me = Thread.currentThread();
            synchronized (inFlight) {
                inFlight.add(me);
            }
            try {
                ScriptResult r = plan.work().apply(file);
                results[i] = r;
                plan.stopAfter().apply(r).ifPresent(reason -> stop.compareAndSet(null, reason));
            } finally {
                synchronized (inFlight) {
                    inFlight.remove(me);
                }
                // A cancel can no longer reach this thread; clear what it left for the next task.
                if (jobs > 1) Thread.interrupted();
                slots.release();
            }
        };
    }

    /** Waits for a free slot; false when the wait was interrupted (the run is being stopped). */
    private static boolean acquire(Semaphore slots) {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Waits for every started script. An interrupt of this thread does not abandon them (they
     * hold connections); the scripts are bounded and end on their own. A script that threw (a
     * listener's bug) is rethrown here, as it would be with one job.
     */
    private static void awaitAll(List<Future<?>> started) {
        boolean interrupted = false;
        RuntimeException thrown = null;
        for (Future<?> f : started) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (thrown == null) thrown = asRuntime(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (thrown != null) throw thrown;
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** Every task is over by now: the threads end at once; the bound is only a safety net. */
    private static void shutdown(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        int run = RUNS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "scansion-job-" + run + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
