package dev.scansion.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.Printable;

/**
 * Why a script did not pass, as plain text: the one-line {@code file:line:col: reason} that CI tools
 * show in lists, and the full explanation the console prints (without colours). Shared by the
 * JUnit XML report and the JUnit Platform engine. Control characters are shown escaped.
 */
public final class FailureText {
    private static final FailureFormatter PLAIN = new FailureFormatter(ConsoleStyle.PLAIN);

    private FailureText() {
    }

    /** {@code file:line:col: reason} on one line; "" for a script that passed or was skipped. */
    public static String oneLine(ScriptResult r) {
        return where(r).map(at -> Printable.line(at + ": " + reason(r))).orElse("");
    }

    /**
     * Where a script's failure is: the failing step, or for a script that does not parse its first
     * error; empty for a script that passed or was skipped.
     */
    public static Optional<SourceSpan> where(ScriptResult r) {
        if (r.failure().isEmpty()) return Optional.empty();
        Failure f = r.failure().get();
        if (f.kind() == Failure.Kind.INVALID_SCRIPT && !errors(r).isEmpty()) {
            return Optional.of(errors(r).get(0).span());
        }
        return Optional.of(f.at());
    }

    /** {@link #oneLine} without the place: {@code step: reason}; "" for a script that passed or was skipped. */
    public static String reason(ScriptResult r) {
        if (r.failure().isEmpty()) return "";
        Failure f = r.failure().get();
        if (f.kind() == Failure.Kind.INVALID_SCRIPT) {
            List<Diagnostic> errors = errors(r);
            if (errors.isEmpty()) return FailureMessages.of(f);
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
            return errors.get(0).message() + more;
        }
        return r.failedStep().map(s -> s.title() + ": ").orElse("") + FailureMessages.of(f);
    }

    /** The multi-line explanation as the console shows it; "" for a script that passed or was skipped. */
    public static String text(ScriptResult r) {
        if (r.failure().isEmpty()) return "";
        Failure f = r.failure().get();
        if (f.kind() == Failure.Kind.INVALID_SCRIPT) {
            List<Diagnostic> errors = errors(r);
            if (errors.isEmpty()) return Printable.text(FailureMessages.of(f));
            return errors.stream().map(d -> Printable.text(d.render(false))).collect(Collectors.joining("\n\n"));
        }
        StepResult step = r.failedStep().orElse(null);
        if (step == null) return Printable.line(f.at() + ": " + FailureMessages.of(f));
        return String.join("\n", PLAIN.lines(step, f));
    }

    /** A short name for the kind of failure, used as the JUnit XML {@code type}: "mismatch", "unreachable". */
    public static String type(Failure f) {
        return f.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Diagnostic> errors(ScriptResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isError).toList();
    }
}
