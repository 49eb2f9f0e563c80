package dev.scansion.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.scansion.result.ScriptResult;

/**
 * One script file of a run as the CI gate sees it: run, run again while the {@link RetryPolicy}
 * says so (every failed attempt kept in {@link ScriptResult#earlier()}), then marked with its
 * known-failures entry, if any. Listeners hear of the script once, when this returns.
 */
public final class Attempts {
    public static final Attempts ONCE = new Attempts(RetryPolicy.NONE, KnownFailures.NONE);

    private final RetryPolicy retry;
    private final KnownFailures known;

    public Attempts(RetryPolicy retry, KnownFailures known) {
        this.retry = retry;
        this.known = known;
    }

    /**
     * @param attempt   runs the file once, without telling the listeners it finished
     * @param cancelled true once the run is stopped: no further attempt starts
     */
    public ScriptResult run(Path file, Function<Path, ScriptResult> attempt, BooleanSupplier cancelled) {
        return run(() -> attempt.apply(file), cancelled);
    }

    /** As above, for a script already loaded (the JUnit engine). */
    public ScriptResult run(Supplier<ScriptResult> attempt, BooleanSupplier cancelled) {
        List<ScriptResult> failed = new ArrayList<>();
        ScriptResult r = attempt.get();
        while (!cancelled.getAsBoolean() && retry.retries(r, failed.size() + 1)) {
            failed.add(r);
            r = attempt.get();
        }
        ScriptResult last = failed.isEmpty() ? r : r.withEarlier(failed);
        return known.isEmpty() ? last : last.withKnown(known.entryFor(last.file()));
    }
}
