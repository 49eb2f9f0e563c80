package dev.scansion.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for reading our own reports back ({@code --shard-weights},
 * {@code merge-reports}): objects become {@link LinkedHashMap}s (a repeated key is refused), arrays
 * {@link List}s, numbers {@link BigDecimal}s. Bounded: nesting deeper than {@link #MAX_DEPTH} and
 * numbers longer than {@link #MAX_NUMBER} characters are refused. Errors say {@code line:col}.
 */
final class JsonReader {
    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER = 64;

    /** Not JSON, or not what was expected; the message starts with {@code line:col:}. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    private JsonReader(String s) {
        this.s = s;
    }

    static Object parse(String text) throws Malformed {
        JsonReader r = new JsonReader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.i < r.s.length()) throw r.error("unexpected text after the JSON value");
        return v;
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws Malformed {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}')) return m;
        while (true) {
            space();
            if (i >= s.length() || s.charAt(i) != '"') throw error("expected a field name");
            int at = i;
            String key = string();
            if (m.containsKey(key)) {
                i = at;
                throw error("field \"" + key + "\" given twice");
            }
            space();
            expect(':');
            space();
            m.put(key, value(depth + 1));
            space();
            if (peek('}')) return m;
            expect(',');
        }
    }

    private List<Object> array(int depth) throws Malformed {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek(']')) return l;
        while (true) {
            space();
            l.add(value(depth + 1));
            space();
            if (peek(']')) return l;
            expect(',');
        }
    }

    private String string() throws Malformed {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("control character in a string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) break;
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("short \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private BigDecimal number() throws Malformed {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        if (i == start) throw error("unexpected character '" + s.charAt(i) + "'");
        if (i - start > MAX_NUMBER) throw error("number longer than " + MAX_NUMBER + " characters");
        String text = s.substring(start, i);
        if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            i = start;
            throw error("not a number: " + text);
        }
        return new BigDecimal(text);
    }

    private Object literal(String word, Object v) throws Malformed {
        if (!s.startsWith(word, i)) throw error("unexpected character '" + s.charAt(i) + "'");
        i += word.length();
        return v;
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws Malformed {
        if (!peek(c)) throw error(i < s.length() ? "expected '" + c + "'" : "unexpected end");
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private Malformed error(String message) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Malformed(line + ":" + col + ": " + message);
    }
}
