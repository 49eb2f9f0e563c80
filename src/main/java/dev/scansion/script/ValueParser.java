package dev.scansion.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Value;

/**
 * Turns attribute values and text (entities already decoded) into {@link Value}s: {@code ${...}}
 * variables and the {@code {scansion:any}} / {@code {scansion:capture:NAME}} markers. Keeps the
 * captures seen so far so that a capture reference can be checked against the script order.
 */
final class ValueParser {
    private static final String ANY = "{scansion:any}";
    private static final Pattern CAPTURE = Pattern.compile("\\{scansion:capture:([^{}]+)}");
    private static final Pattern JID_SUFFIX = Pattern.compile("(full\\s+)?JID");

    /** Where a value stands in the source: its raw text and how to map an offset in it to a position. */
    interface Raw {
        String text();

        SourcePos pos(int offset);
    }

    private final Set<String> actors;
    private final Diagnostics diagnostics;
    private final Map<String, SourcePos> captures = new HashMap<>();
    private final List<Value.Variable> captureRefs = new ArrayList<>();

    ValueParser(Set<String> actors, Diagnostics diagnostics) {
        this.actors = actors;
        this.diagnostics = diagnostics;
    }

    Value attribute(String value, boolean receive, Raw raw) {
        String trimmed = value.strip();
        Matcher capture = CAPTURE.matcher(trimmed);
        boolean any = trimmed.equals(ANY);
        if (any && !receive) {
            // Real suites send it (pep_publish_subscribe answers an iq with id='{scansion:any}'):
            // the Lua tool sent such a value as written, so it is plain text here, without a diagnostic.
            return Value.Template.literal(value);
        }
        if (any || capture.matches()) {
            if (!receive) {
                marker(raw, "capture marker '" + Diagnostics.quoted(trimmed) + "' in a sends payload",
                        "captures only record what an actor receives");
                return Value.Template.literal(value);
            }
            if (any) return new Value.Any();
            String name = capture.group(1).strip();
            captures.putIfAbsent(name, raw.pos(Math.max(0, raw.text().indexOf('{'))));
            return new Value.Capture(name);
        }
        if (value.contains("{scansion:")) {
            SourcePos at = raw.pos(Math.max(0, raw.text().indexOf("{scansion:")));
            diagnostics.warning(at.line(), at.column(), "{scansion:".length(), "matching marker inside a longer value",
                    "a marker must be the whole attribute value; this one is compared literally");
        }
        return template(value, raw);
    }

    Value text(String text, boolean receive, Raw raw) {
        String trimmed = text.strip();
        if (trimmed.equals(ANY) || CAPTURE.matcher(trimmed).matches()) {
            if (!receive) {
                // sent as written, like {scansion:any} in a sends attribute; a capture still makes no sense here
                if (!trimmed.equals(ANY)) {
                    marker(raw, "capture marker '" + Diagnostics.quoted(trimmed) + "' in a sends payload",
                            "captures only record what an actor receives");
                }
            } else {
                SourcePos at = raw.pos(Math.max(0, raw.text().indexOf('{')));
                diagnostics.warning(at.line(), at.column(), trimmed.length(), "matching marker in element text",
                        "markers only work in attribute values; this text is compared literally");
            }
        }
        return template(text, raw);
    }

    private void marker(Raw raw, String message, String detail) {
        int at = Math.max(0, raw.text().indexOf('{'));
        SourcePos p = raw.pos(at);
        int end = raw.text().indexOf('}', at);
        diagnostics.error(p.line(), p.column(), end < 0 ? 1 : end - at + 1, message, detail);
    }

    /**
     * Literal text and {@code ${...}} parts; the n-th variable's position is the n-th "${" of the raw
     * text. {@code $${} is a literal {@code ${} (ext, language doc §5), so that any value can be written.
     */
    private Value.Template template(String value, Raw raw) {
        List<Value.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int rawSearch = 0;
        int i = 0;
        while (true) {
            int open = value.indexOf("${", i);
            if (open < 0) break;
            int rawAt = raw.text().indexOf("${", rawSearch);
            rawSearch = rawAt < 0 ? rawSearch : rawAt + 2;
            if (open > i && value.charAt(open - 1) == '$') {
                literal.append(value, i, open - 1).append("${");
                i = open + 2;
                continue;
            }
            SourcePos pos = raw.pos(Math.max(0, rawAt));
            int close = value.indexOf('}', open + 2);
            if (close < 0) {
                diagnostics.error(pos.line(), pos.column(), 2, "unterminated variable", "'${' without a closing '}'");
                break;
            }
            literal.append(value, i, open);
            if (literal.length() > 0) parts.add(new Value.Literal(literal.toString()));
            literal.setLength(0);
            parts.add(variable(value.substring(open + 2, close), pos));
            i = close + 1;
        }
        literal.append(value.substring(Math.min(i, value.length())));
        if (literal.length() > 0) parts.add(new Value.Literal(literal.toString()));
        return new Value.Template(parts);
    }

    private Value.Variable variable(String written, SourcePos pos) {
        String expression = written.strip();
        int caret = written.length() + 3;
        if (expression.isEmpty()) {
            diagnostics.error(pos.line(), pos.column(), caret, "empty variable '${}'", "");
            return new Value.Variable(expression, Value.Variable.Kind.CAPTURE, expression, pos);
        }
        int s = expression.lastIndexOf("'s ");
        if (s > 0) {
            Matcher m = JID_SUFFIX.matcher(expression.substring(s + 3).strip());
            if (m.matches()) {
                String actor = expression.substring(0, s).strip();
                Value.Variable.Kind kind = m.group(1) == null ? Value.Variable.Kind.JID : Value.Variable.Kind.FULL_JID;
                if (!actors.contains(actor)) {
                    diagnostics.error(pos.line(), pos.column(), caret, "unknown actor '" + Diagnostics.quoted(actor) + "' in variable",
                            Names.suggestion(actor, actors, "not defined above the separator"));
                }
                return new Value.Variable(expression, kind, actor, pos);
            }
        }
        Value.Variable ref = new Value.Variable(expression, Value.Variable.Kind.CAPTURE, expression, pos);
        captureRefs.add(ref);
        return ref;
    }

    /** For {@code ${Juliet's fulll JID}}: the actor is known, so suggest the nearer of its two JID forms. */
    private String unknownVariableDetail(String expression) {
        String base = "expected ${Name's JID}, ${Name's full JID} or a capture recorded earlier";
        int s = expression.lastIndexOf("'s ");
        String actor = s > 0 ? expression.substring(0, s).strip() : "";
        if (!actors.contains(actor)) return base;
        String suffix = expression.substring(s + 3).strip();
        return Names.closest(suffix, List.of("JID", "full JID"))
                .map(form -> "did you mean '${" + actor + "'s " + form + "}'?").orElse(base);
    }

    /** After the whole script: every capture reference needs a capture recorded earlier in the file. */
    void checkCaptureReferences() {
        for (Value.Variable ref : captureRefs) {
            SourcePos def = captures.get(ref.name());
            int caret = ref.expression().length() + 3;
            if (def == null) {
                diagnostics.error(ref.pos().line(), ref.pos().column(), caret,
                        "unknown variable '${" + Diagnostics.quoted(ref.expression()) + "}'", unknownVariableDetail(ref.expression()));
            } else if (def.compareTo(ref.pos()) > 0) {
                diagnostics.error(ref.pos().line(), ref.pos().column(), caret,
                        "capture '" + Diagnostics.quoted(ref.name()) + "' is used before it is recorded",
                        "recorded at line " + def.line() + ", column " + def.column());
            }
        }
    }
}
