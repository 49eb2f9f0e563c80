package dev.scansion.script;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;

/** Reads a whole script: header and definitions, the separator, then the actions. */
final class ScriptReader {
    private final SourceText src;
    private final Diagnostics diagnostics;
    private final ParseOptions options;

    ScriptReader(SourceText src, Diagnostics diagnostics, ParseOptions options) {
        this.src = src;
        this.diagnostics = diagnostics;
        this.options = options;
    }

    Script read() {
        DefinitionReader defs = new DefinitionReader(src, diagnostics, options);
        int separator = firstSeparator();
        int n = defs.readHeader();
        int actionsFrom = definitions(defs, n, separator);
        List<String> names = defs.actors.stream().map(Actor::name).toList();
        Set<String> nameSet = new LinkedHashSet<>(names);
        ValueParser values = new ValueParser(nameSet, diagnostics);
        PayloadParser payloads = new PayloadParser(diagnostics, values, options.maxDepth());
        ActionReader actions = new ActionReader(src, diagnostics, payloads, names);
        if (actionsFrom > 0) actions.read(actionsFrom, separator);
        if (!diagnostics.full()) values.checkCaptureReferences();
        if (diagnostics.errorCount() == 0 && actions.steps.isEmpty()) {
            diagnostics.warning(Math.max(1, separator), 1, 1, "the script has no actions", "");
        }
        return new Script(src.file(), defs.title, String.join("\n", defs.description), defs.tags, defs.actors,
                actions.steps);
    }

    /** Line of the first separator, 0 when there is none. */
    private int firstSeparator() {
        for (int n = 1; n <= src.lineCount(); n++) {
            String line = src.line(n);
            if (!SourceText.isIndented(line) && SourceText.isSeparator(line)) return n;
        }
        return 0;
    }

    /** Reads definitions from line {@code n}; returns the first line of the actions, or 0 when there are none. */
    private int definitions(DefinitionReader defs, int n, int separator) {
        int end = separator > 0 ? separator - 1 : src.lineCount();
        for (; n <= end && !diagnostics.full(); n++) {
            String line = src.line(n);
            if (line.isBlank() || SourceText.isComment(line)) continue;
            if (SourceText.isIndented(line)) {
                defs.property(n, line);
            } else if (line.startsWith("[")) {
                defs.definition(n, line);
            } else {
                defs.finishActor();
                if (separator == 0 && looksLikeAction(defs, line)) {
                    diagnostics.error(n, 1, line.strip().length(), "missing separator",
                            "expected a line of dashes ('-----') between the actor definitions and the first action");
                    return n;
                }
                diagnostics.error(n, 1, line.strip().length(), "unexpected line before the separator",
                        "expected '[Client] Name', an indented 'key: value' property, or the separator '-----'");
            }
        }
        defs.finishActor();
        if (separator > 0) return separator + 1;
        missingSeparator();
        return 0;
    }

    private static boolean looksLikeAction(DefinitionReader defs, String line) {
        List<String> names = defs.actors.stream().map(Actor::name).toList();
        return ActionLine.parse(line, names).action() != null;
    }

    private void missingSeparator() {
        int last = src.lineCount();
        while (last > 0 && src.line(last).isBlank()) last--;
        if (last == 0) {
            diagnostics.error(1, 1, 1, "empty script",
                    "expected actor definitions, a separator line ('-----') and actions");
            return;
        }
        diagnostics.error(last, SourceText.firstColumn(src.line(last)), src.line(last).strip().length(), "missing separator",
                "no line of dashes ('-----') after the actor definitions");
    }
}
