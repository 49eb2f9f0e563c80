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
 * on the pull request's diff and in the run's summary. Skipped and not-run scripts are not
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

    /** The annotation for one script, if it failed or had an error. */
    static Optional<String> line(ScriptResult r) {
        return switch (r.status()) {
            case FAILED, ERROR -> FailureText.where(r).map(at -> format(r, at));
            case PASSED, SKIPPED, INTERRUPTED -> Optional.empty();
        };
    }

    private static String format(ScriptResult r, SourceSpan at) {
        String message = Printable.cut(FailureText.reason(r), MESSAGE_WIDTH);
        return "::error file=" + property(r.file().replace('\\', '/')) + ",line=" + at.line() + ",col="
                + at.column() + ",title=" + property(r.name()) + "::" + data(message);
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
