package dev.scansion.report;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;

import dev.scansion.exec.RunListener;
import dev.scansion.result.ScriptResult;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.Printable;

/**
 * GitHub Actions annotations: each script that failed or had an error is also printed, as it
 * finishes, as a workflow command
 * {@code ::error file=PATH,line=L,col=C,title=TITLE::step: reason}, which GitHub shows
 * on the pull request's diff and in the run's summary; a known failure, a flaky script and a known
 * failure that passed as {@code ::warning} (see {@link #line}). Skipped and not-run scripts are not
 * annotated, nor is an interrupted one (the run was stopped, nothing failed).
 * <p>
 * Escaping as GitHub's toolkit does it: in the message {@code %}, CR and LF; in properties also
 * {@code :} and {@code ,}. Control characters are first shown escaped ({@link Printable}), so
 * text from a server can neither start a workflow command of its own nor reach the terminal raw.
 * The path is printed as the run was given it, with {@code /} separators: GitHub resolves it from
 * the workspace, so run from the repository's root with relative paths for the annotation to land
 * on the file.
 */
public final class GitHubAnnotations implements RunListener {
    /** The longest message an annotation carries; the console has the full explanation. */
    private static final int MESSAGE_WIDTH = 1000;
    private final PrintWriter out;

    public GitHubAnnotations(PrintWriter out) {
        this.out = out;
    }

    /**
     * Whether to annotate: {@code mode} "github" or "none" decides; "auto" annotates when
     * {@code env} says {@code GITHUB_ACTIONS=true}, as GitHub sets it on every runner.
     */
    public static boolean wanted(String mode, Function<String, String> env) {
        return switch (mode) {
            case "github" -> true;
            case "none" -> false;
            default -> "true".equals(env.apply("GITHUB_ACTIONS"));
        };
    }

    @Override
    public void scriptFinished(ScriptResult result) {
        line(result).ifPresent(l -> {
            out.println(l);
            out.flush();
        });
    }

    /**
     * The annotation for one script: an error if it failed or had an error; a warning for a known
     * failure (at its failure), a flaky script (at its first failed attempt's failure) and a known
     * failure that passed (on the file).
     */
    static Optional<String> line(ScriptResult r) {
        if (r.knownFailure()) {
            return FailureText.where(r).map(at -> format("warning", r, Optional.of(at),
                    "known failure (" + r.known().get().reason() + "): " + FailureText.reason(r)));
        }
        if (r.flaky()) {
            ScriptResult first = r.earlier().get(0);
            return Optional.of(format("warning", r, FailureText.where(first), "flaky: passed on attempt "
                    + r.attempts() + " of " + r.attempts() + "; attempt 1: " + FailureText.reason(first)));
        }
        if (r.knownFailurePassed()) {
            return Optional.of(format("warning", r, Optional.empty(), "known failure passed: remove it from "
                    + r.known().get().file() + " (" + r.known().get().source() + ")"));
        }
        return switch (r.status()) {
            case FAILED, ERROR -> FailureText.where(r).map(at -> format("error", r, Optional.of(at), FailureText.reason(r)));
            case PASSED, SKIPPED, INTERRUPTED -> Optional.empty();
        };
    }

    private static String format(String command, ScriptResult r, Optional<SourceSpan> at, String reason) {
        String message = Printable.cut(reason, MESSAGE_WIDTH);
        String place = at.map(a -> ",line=" + a.line() + ",col=" + a.column()).orElse("");
        return "::" + command + " file=" + property(r.file().replace('\\', '/')) + place + ",title="
                + property(r.name()) + "::" + data(message);
    }

    /** A message: control characters escaped, then {@code %}, CR and LF as GitHub reads them. */
    static String data(String s) {
        return percent(Printable.text(s));
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,}, which end a property. */
    static String property(String s) {
        return percent(Printable.line(s)).replace(":", "%3A").replace(",", "%2C");
    }

    private static String percent(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
