package dev.scansion.report;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer (RFC 8259), pretty-printed with two-space indentation. Strings
 * are escaped completely: quotes, backslashes, every control character (C0, DEL and C1, so that a
 * report printed on a terminal cannot drive it), U+2028/U+2029 (which
 * break JavaScript embedding), and lone surrogates (replaced by U+FFFD so the output is valid
 * UTF-8). Misuse (a value where a name is due) is a programming error and throws.
 */
final class JsonWriter {
    private enum Scope { OBJECT, ARRAY }

    private final StringBuilder out;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean nameWritten;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        scopes.push(Scope.OBJECT);
        empty.push(true);
        return this;
    }

    JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        scopes.push(Scope.ARRAY);
        empty.push(true);
        return this;
    }

    JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || nameWritten) throw new IllegalStateException("name not allowed here");
        separate();
        string(name);
        out.append(": ");
        nameWritten = true;
        return this;
    }

    JsonWriter value(String s) {
        if (s == null) return nullValue();
        beforeValue();
        string(s);
        return this;
    }

    JsonWriter value(long n) {
        beforeValue();
        out.append(n);
        return this;
    }

    JsonWriter value(BigDecimal n) {
        if (n == null) return nullValue();
        beforeValue();
        out.append(n.toPlainString());
        return this;
    }

    JsonWriter value(boolean b) {
        beforeValue();
        out.append(b);
        return this;
    }

    JsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** Shorthand for {@code name(n).value(s)}. */
    JsonWriter field(String n, String s) {
        return name(n).value(s);
    }

    JsonWriter field(String n, boolean v) {
        return name(n).value(v);
    }

    JsonWriter field(String n, long v) {
        return name(n).value(v);
    }

    JsonWriter field(String n, BigDecimal v) {
        return name(n).value(v);
    }

    private JsonWriter end(Scope scope, char close) {
        if (scopes.peek() != scope || nameWritten) throw new IllegalStateException("unbalanced " + close);
        scopes.pop();
        if (!empty.pop()) newline();
        out.append(close);
        if (scopes.isEmpty()) out.append('\n');
        return this;
    }

    private void beforeValue() {
        if (scopes.isEmpty()) {
            if (out.length() > 0) throw new IllegalStateException("one top-level value only");
            return;
        }
        if (scopes.peek() == Scope.OBJECT) {
            if (!nameWritten) throw new IllegalStateException("value without a name");
            nameWritten = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (!empty.peek()) out.append(',');
        empty.pop();
        empty.push(false);
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(scopes.size()));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
