package dev.scansion.recorder;

import java.util.Collection;
import java.util.List;
import java.util.function.IntUnaryOperator;

import dev.scansion.script.Diagnostic;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;

/**
 * Reads typed commands with the script parser itself, so that what the user types means what it
 * means in a script: each command is parsed inside a small script (the actors known so far, the
 * separator, the command), and the parser's diagnostics are moved back to the input's lines and
 * columns. Payload lines are indented by one tab before parsing (the user need not indent them), so
 * their columns are one less than the parser's.
 */
final class InteractiveParser {
    /** The name positions and messages say a typed line came from. */
    static final String INPUT = "input";
    private static final String FILE = "typed";

    private InteractiveParser() {
    }

    /** The result of parsing one command: what it means, or the first error (in one line, with input:L:C). */
    sealed interface Parsed<T> permits Ok, Error {
    }

    record Ok<T>(T value) implements Parsed<T> {
    }

    record Error<T>(String message) implements Parsed<T> {
    }

    /** A {@code [Client]} block typed by the user. */
    static Parsed<Actor> actor(InteractiveInput.Define define, Collection<Actor> known) {
        String text = String.join("\n", define.lines()) + "\n\n-----\n";
        ParseResult r = ScriptParser.parse(FILE, text, ParseOptions.RUN);
        if (!r.ok()) return error(r, line -> define.line() + line - 1, line -> 0);
        Script s = r.script().get();
        if (s.actors().size() != 1) return new Error<>(INPUT + ":" + define.line() + ":1: one [Client] block at a time");
        Actor a = s.actors().get(0);
        if (known.stream().anyMatch(k -> k.name().equals(a.name()))) {
            return new Error<>(INPUT + ":" + define.line() + ":1: an actor named '" + a.name() + "' is defined already");
        }
        return new Ok<>(a);
    }

    /** An action line (and a sends' payload lines) typed by the user, for the actors {@code known}. */
    static Parsed<Step> step(InteractiveInput.Action action, Collection<Actor> known) {
        StringBuilder text = new StringBuilder();
        for (Actor a : known) {
            // Only the names and JIDs matter to the parser; no password goes into the text.
            text.append("[Client] ").append(a.name()).append("\n\tjid: ").append(a.jid()).append("\n\n");
        }
        text.append("-----\n");
        int header = (int) text.chars().filter(c -> c == '\n').count();
        List<String> lines = action.lines();
        text.append(lines.get(0)).append('\n');
        for (String payload : lines.subList(1, lines.size())) text.append('\t').append(payload).append('\n');
        ParseResult r = ScriptParser.parse(FILE, text.toString(), ParseOptions.RUN);
        if (!r.ok()) {
            return error(r, line -> action.line() + Math.max(0, line - header - 1), line -> line > header + 1 ? 1 : 0);
        }
        List<Step> steps = r.script().get().steps();
        if (steps.size() != 1) return new Error<>(INPUT + ":" + action.line() + ":1: one action at a time");
        return new Ok<>(steps.get(0));
    }

    /** The first error, moved to the input: {@code line} maps the parser's line, {@code shift} the column. */
    private static <T> Parsed<T> error(ParseResult r, IntUnaryOperator line, IntUnaryOperator shift) {
        Diagnostic d = r.errors().get(0);
        int column = Math.max(1, d.span().column() - shift.applyAsInt(d.span().line()));
        String more = r.errors().size() > 1 ? " (and " + (r.errors().size() - 1) + " more)" : "";
        return new Error<>(INPUT + ":" + line.applyAsInt(d.span().line()) + ":" + column + ": " + d.message() + more);
    }
}
