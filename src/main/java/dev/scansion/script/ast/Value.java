package dev.scansion.script.ast;

import java.util.List;

/**
 * The value of an attribute or a text node: a template of literal text and variables, or (in
 * attribute values of {@code receives} payloads) a matching marker.
 */
public sealed interface Value permits Value.Template, Value.Any, Value.Capture {

    /** Literal text with {@code ${...}} variables, in order. A plain string is one literal part. */
    record Template(List<Part> parts) implements Value {
        public Template {
            parts = List.copyOf(parts);
        }

        public static Template literal(String text) {
            return new Template(text.isEmpty() ? List.of() : List.of(new Literal(text)));
        }

        public boolean hasVariables() {
            return parts.stream().anyMatch(Variable.class::isInstance);
        }

        /** The text as written in the script, variables shown as {@code ${...}}. */
        public String source() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                sb.append(p instanceof Literal l ? l.text() : "${" + ((Variable) p).expression() + "}");
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return source();
        }
    }

    /** {@code {scansion:any}}: the attribute must be present, with any value. */
    record Any() implements Value {
        @Override
        public String toString() {
            return "{scansion:any}";
        }
    }

    /** {@code {scansion:capture:NAME}}: any value, recorded under {@code name}. */
    record Capture(String name) implements Value {
        @Override
        public String toString() {
            return "{scansion:capture:" + name + "}";
        }
    }

    sealed interface Part permits Literal, Variable {
    }

    record Literal(String text) implements Part {
    }

    /**
     * {@code ${expression}}. Built-in forms: {@code Name's JID} ({@link Kind#JID}: the actor's
     * {@code jid} property exactly as written, as real suites rely on), {@code Name's full JID}
     * ({@link Kind#FULL_JID}: the JID bound at connect); for both, {@code target} is the actor. Any
     * other expression is a capture reference ({@link Kind#CAPTURE}, {@code target} the capture's
     * name). Every field is set: there is no variable without a kind, a target or a position.
     */
    record Variable(String expression, Kind kind, String target, SourcePos pos) implements Part {
        public enum Kind { JID, FULL_JID, CAPTURE }

        public Variable {
            java.util.Objects.requireNonNull(expression);
            java.util.Objects.requireNonNull(kind);
            java.util.Objects.requireNonNull(target);
            java.util.Objects.requireNonNull(pos);
        }

        /** The actor a JID variable names. */
        public String actor() {
            if (kind == Kind.CAPTURE) throw new IllegalStateException("a capture reference names no actor");
            return target;
        }

        /** The capture a capture reference names. */
        public String name() {
            if (kind != Kind.CAPTURE) throw new IllegalStateException("${" + expression + "} is not a capture");
            return target;
        }
    }
}
