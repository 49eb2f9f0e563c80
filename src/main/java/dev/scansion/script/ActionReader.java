package dev.scansion.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.XmlElement;

/**
 * The part of a script after the separator: action lines, each {@code sends}/{@code receives}
 * followed by its payload. A payload is the run of indented lines after its action line; comment
 * lines inside it are skipped, and it continues across blank lines while the next non-blank line is
 * indented (real suites have such "orphan" blocks). An unindented line that is not a statement
 * also continues a payload whose XML is still open (say, the second line of a multi-line text).
 */
final class ActionReader {
    /** Payload lines beyond which unindented continuation lines are no longer looked for. */
    private static final int MAX_CONTINUATION_SCAN = 2000;
    private final SourceText src;
    private final Diagnostics diagnostics;
    private final PayloadParser payloads;
    private final List<String> actorsLongestFirst;
    final List<Step> steps = new ArrayList<>();
    private int separatorLine;

    ActionReader(SourceText src, Diagnostics diagnostics, PayloadParser payloads, List<String> actors) {
        this.src = src;
        this.diagnostics = diagnostics;
        this.payloads = payloads;
        this.actorsLongestFirst = actors.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Reads actions from line {@code from} to the end; {@code separatorLine} is the separator's line (0 when missing). */
    void read(int from, int separatorLine) {
        this.separatorLine = separatorLine;
        int n = from;
        while (n <= src.lineCount() && !diagnostics.full()) {
            String line = src.line(n);
            if (line.isBlank() || (SourceText.isComment(line) && !isUnindentedSeparator(line))) {
                n++;
            } else if (isUnindentedSeparator(line)) {
                duplicateSeparator(n);
                n++;
            } else if (SourceText.isIndented(line)) {
                n = indentedOutsidePayload(n, line);
            } else if (line.startsWith("<")) {
                diagnostics.error(n, 1, line.strip().length(), "unindented payload line",
                        "payload lines are indented under their 'sends:' or 'receives:' line");
                n++;
            } else {
                n = action(n, line);
            }
        }
    }

    private static boolean isUnindentedSeparator(String line) {
        return !SourceText.isIndented(line) && SourceText.isSeparator(line);
    }

    private void duplicateSeparator(int n) {
        diagnostics.error(n, 1, src.line(n).strip().length(), "duplicate separator",
                separatorLine > 0 ? "the first separator is at line " + separatorLine : "only one separator is allowed");
    }

    /** An indented line that no action owns. */
    private int indentedOutsidePayload(int n, String line) {
        boolean action = ActionLine.parse(line, actorsLongestFirst).action() != null;
        diagnostics.error(n, SourceText.firstColumn(line), line.strip().length(),
                action ? "indented action line" : "indented line outside a payload",
                action ? "action lines must not be indented" : "payload lines must follow a 'sends:' or 'receives:' line");
        int end = payloadEnd(n - 1, -1);
        return Math.max(end, n) + 1;
    }

    /** Handles the action on line {@code n}; returns the line after it and its payload. */
    private int action(int n, String line) {
        ActionLine.Parsed parsed = ActionLine.parse(line, actorsLongestFirst);
        ActionLine pa = parsed.action();
        int last = payloadEnd(n, pa != null && pa.rest().startsWith("<") ? pa.restColumn() - 1 : -1);
        if (parsed.failure() != null) {
            ActionLine.Failure f = parsed.failure();
            diagnostics.error(n, f.column(), f.length(), f.message(), f.detail());
            return Math.max(last, n) + 1;
        }
        ActionLine a = parsed.action();
        SourceSpan span = SourceSpan.of(src.file(), n, a.column());
        switch (a.verb()) {
            case CONNECTS, DISCONNECTS -> {
                if (noRest(n, a) && noPayload(last, "'" + a.verb().word() + "' takes no payload")) {
                    steps.add(a.verb() == ActionLine.Verb.CONNECTS ? new Step.Connect(a.actor(), span)
                            : new Step.Disconnect(a.actor(), span));
                }
            }
            case SENDS, RECEIVES -> message(n, a, span, last);
        }
        return Math.max(last, n) + 1;
    }

    private void message(int n, ActionLine a, SourceSpan span, int last) {
        boolean receive = a.verb() == ActionLine.Verb.RECEIVES;
        if (receive && a.rest().equalsIgnoreCase("nothing")) {
            if (noPayload(last, "'receives: nothing' takes no payload")) steps.add(new Step.ReceiveNothing(a.actor(), span));
            return;
        }
        boolean inline = a.rest().startsWith("<");
        if (!inline && !a.rest().isEmpty()) {
            diagnostics.error(n, a.restColumn(), a.rest().length(), "unexpected text after '" + a.verb().word() + "'",
                    receive ? "expected 'nothing', or the payload on the following indented lines"
                            : "expected the payload on the following indented lines");
            return;
        }
        if (!inline && last < 0) {
            if (src.line(nextStatement(n)).startsWith("<")) return; // reported as an unindented payload line
            diagnostics.error(n, a.column(), src.line(n).strip().length(), "missing payload",
                    "expected an indented XML payload on the next lines");
            return;
        }
        if (indentedAction(n + 1, last)) return;
        PayloadParser.Request req = new PayloadParser.Request(src, inline ? n : n + 1, Math.max(last, n),
                inline ? a.restColumn() - 1 : 0, receive);
        Optional<List<XmlElement>> elements = payloads.parse(req);
        if (elements.isEmpty()) return;
        if (elements.get().isEmpty()) {
            diagnostics.error(n, a.column(), src.line(n).strip().length(), "empty payload",
                    "the payload holds no XML element");
            return;
        }
        steps.add(receive ? new Step.Receive(a.actor(), span, elements.get())
                : new Step.Send(a.actor(), span, elements.get()));
    }

    /**
     * An action line indented into a payload (the language reads it as payload text): say so
     * rather than report it as malformed XML.
     */
    private boolean indentedAction(int first, int last) {
        for (int j = first; j <= last; j++) {
            String l = src.line(j);
            if (SourceText.isIndented(l) && !SourceText.isComment(l)
                    && ActionLine.parse(l, actorsLongestFirst).action() != null) {
                diagnostics.error(j, SourceText.firstColumn(l), l.strip().length(), "indented action line",
                        "action lines must not be indented; this one is read as part of the payload above");
                return true;
            }
        }
        return false;
    }

    /** The first line after {@code n} that is neither blank nor a comment (past the end when none). */
    private int nextStatement(int n) {
        int j = n + 1;
        while (j <= src.lineCount() && (src.line(j).isBlank() || SourceText.isComment(src.line(j)))) j++;
        return j;
    }

    private boolean noRest(int n, ActionLine a) {
        if (a.rest().isEmpty()) return true;
        diagnostics.error(n, a.restColumn(), a.rest().length(), "unexpected text after '" + a.verb().word() + "'", "");
        return false;
    }

    private boolean noPayload(int last, String detail) {
        if (last < 0) return true;
        int first = firstPayloadLine(last);
        String line = src.line(first);
        boolean action = ActionLine.parse(line, actorsLongestFirst).action() != null;
        diagnostics.error(first, SourceText.firstColumn(line), line.strip().length(),
                action ? "indented action line" : "unexpected payload",
                action ? "action lines must not be indented" : detail);
        return false;
    }

    /** The first payload line at or before {@code last} (walking back over the payload). */
    private int firstPayloadLine(int last) {
        int first = last;
        for (int j = last - 1; j >= 1; j--) {
            String l = src.line(j);
            if (l.isBlank() || SourceText.isComment(l)) continue;
            if (!isPayloadLine(l)) break;
            first = j;
        }
        return first;
    }

    /**
     * Last line of the payload after line {@code n}, or -1 when there is none. {@code inline} is
     * where an inline payload starts on line {@code n} (-1 when there is none).
     */
    private int payloadEnd(int n, int inline) {
        int last = -1;
        boolean gap = false;
        for (int j = n + 1; j <= src.lineCount(); j++) {
            String l = src.line(j);
            if (l.isBlank()) {
                gap = true;
            } else if (SourceText.isComment(l) && !isUnindentedSeparator(l)) {
                continue;
            } else if (isPayloadLine(l)) {
                last = j;
                gap = false;
            } else if (continuesOpenXml(n, inline, last, l)) {
                last = j;
                gap = false;
            } else {
                break;
            }
        }
        return last;
    }

    /**
     * An unindented line that is not a statement, while the payload so far ends inside an element
     * (the second line of a multi-line text, say), belongs to the payload. Bounded so that a huge
     * unclosed payload does not cost quadratic time.
     */
    private boolean continuesOpenXml(int n, int inline, int last, String l) {
        int first = inline >= 0 ? n : n + 1;
        if ((last < 0 && inline < 0) || (last >= 0 && last - first > MAX_CONTINUATION_SCAN)) return false;
        if (l.startsWith("[") || SourceText.isSeparator(l) || ActionLine.parse(l, actorsLongestFirst).action() != null
                || l.startsWith("<") && last < 0) {
            return false;
        }
        PayloadParser.Document doc = PayloadParser.Document.build(
                new PayloadParser.Request(src, first, Math.max(last, first), Math.max(0, inline), false));
        return XmlScanner.incomplete(doc.text, doc.payloadStart, doc.payloadEnd);
    }

    private static boolean isPayloadLine(String l) {
        return SourceText.isIndented(l);
    }
}
