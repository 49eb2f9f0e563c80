package dev.scansion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import dev.scansion.exec.Attempts;
import dev.scansion.exec.KnownFailures;
import dev.scansion.exec.RetryPolicy;
import dev.scansion.exec.RunListener;
import dev.scansion.report.GitHubAnnotations;
import dev.scansion.report.ReportReader;
import dev.scansion.result.Failure;
import dev.scansion.result.Gate;
import dev.scansion.result.RunResult;
import dev.scansion.text.Printable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * How a run behaves as a CI gate: stopping at the first failure, retries and flaky scripts, known
 * failures, annotations for the CI's viewer (docs/ci.md).
 */
final class CiOptions {
    @Option(names = "--fail-fast",
            description = "Stop after the first script that fails or has an error; the rest are reported as "
                    + "not run (skipped, with the reason, in every report).")
    boolean failFast;

    @Option(names = "--annotations", paramLabel = "github|none", converter = ModeConverter.class,
            description = "github: also print each failure as a GitHub Actions annotation "
                    + "(::error file=...,line=...::reason) on stdout; none: never. Not given: github when "
                    + "GITHUB_ACTIONS=true.")
    String annotations = "auto";

    @Option(names = "--retries", paramLabel = "N",
            description = "Run a failed script again, up to N times (at most " + RetryPolicy.MAX_RETRIES + "), when "
                    + "its failure is of a kind --retry-on names. A script that passes on a retry is FLAKY: it "
                    + "passes, marked as such in every report (JUnit XML: <flakyFailure> per failed attempt).")
    int retries;

    @Option(names = "--retry-on", paramLabel = "KIND,...",
            description = "The failure kinds retried, named as in the JSON report (default: timeout, "
                    + "stream_closed, send, connect, unreachable: those that may be the server's or the "
                    + "machine's). A mismatch that repeats is a real failure, so mismatch is retried only when "
                    + "named; invalid_script is never retried.")
    String retryOn;

    @Option(names = "--fail-on-flaky",
            description = "A script that passed only on a retry fails the run (exit 1).")
    boolean failOnFlaky;

    @Option(names = "--known-failures", paramLabel = "FILE",
            description = "Scripts expected to fail, one a line: PATH-or-glob [until YYYY-MM-DD] reason (# comments). "
                    + "They still run; their failure is reported as KNOWN and does not fail the run. An entry "
                    + "past its date counts as absent. Errors (unparsable, unreachable) are never excused.")
    Path knownFailures;

    @Option(names = "--strict-known-failures",
            description = "A known failure that passed fails the run (exit 1): its entry must be removed.")
    boolean strictKnownFailures;

    @Option(names = "--shard-weights", paramLabel = "REPORT",
            description = "Balance --shard by the durations measured in REPORT (an earlier --json or --junit "
                    + "report): longest scripts first, each to the shard with the least time so far; a script "
                    + "the report lacks counts as the median.")
    Path shardWeights;

    /** Today, for the known failures' dates; tests give their own. */
    Clock clock = Clock.systemDefaultZone();

    /** The listeners these options add to a run: the annotations, when wanted. */
    List<RunListener> listeners(PrintWriter out, Function<String, String> env) {
        return GitHubAnnotations.wanted(annotations, env) ? List.of(new GitHubAnnotations(out)) : List.of();
    }

    /** The measured duration of each script, from {@code --shard-weights}; a report that cannot be read is a usage error. */
    Optional<Function<Path, OptionalLong>> weights(CommandLine cl) {
        if (shardWeights == null) return Optional.empty();
        try {
            Map<String, Long> measured = ReportReader.durations(ReportReader.read(shardWeights));
            return Optional.of(file -> {
                Long ms = measured.get(ReportReader.key(file.toString()));
                return ms == null ? OptionalLong.empty() : OptionalLong.of(ms);
            });
        } catch (ReportReader.Unreadable e) {
            throw new ParameterException(cl, "--shard-weights: " + e.getMessage());
        }
    }

    Gate gate() {
        return new Gate(failOnFlaky, strictKnownFailures);
    }

    /**
     * Retries and known failures for the runner; a bad {@code --retries} or {@code --retry-on} is a
     * usage error.
     */
    Attempts attempts(CommandLine cl, KnownFailures known) {
        Set<Failure.Kind> kinds = RetryPolicy.DEFAULT_KINDS;
        try {
            if (retryOn != null) kinds = RetryPolicy.parseKinds(retryOn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--retry-on: " + e.getMessage());
        }
        try {
            return new Attempts(new RetryPolicy(retries, kinds), known);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--retries: " + e.getMessage());
        }
    }

    /** The known failures, if asked for; warns on {@code err} of entries past their date. */
    KnownFailures known(CommandLine cl, PrintWriter err) {
        if (knownFailures == null) return KnownFailures.NONE;
        KnownFailures known;
        try {
            known = KnownFailures.read(knownFailures, LocalDate.now(clock));
        } catch (KnownFailures.Malformed e) {
            throw new ParameterException(cl, "--known-failures: " + e.getMessage());
        }
        known.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        return known;
    }

    /** After the run: entries that matched no script, and known failures that passed. */
    void afterRun(KnownFailures known, RunResult result, PrintWriter err) {
        if (known.isEmpty() || !result.problems().isEmpty()) return;
        known.unmatched(result.scripts()).forEach(w -> err.println("warning: " + w));
        result.scripts().stream().filter(s -> s.knownFailurePassed()).forEach(s -> err.println(
                (strictKnownFailures ? "error: " : "warning: ") + Printable.line(s.file())
                        + ": known failure passed: remove it from " + Printable.line(s.known().get().file())));
        err.flush();
    }

    static final class ModeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("github") || v.equals("none")) return v;
            throw new TypeConversionException("expected github or none, not '" + value + "'");
        }
    }
}
