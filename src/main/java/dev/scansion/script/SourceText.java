package dev.scansion.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a script split into lines: a UTF-8 BOM dropped, LF and CRLF (and a lone CR)
 * accepted. Line numbers are 1-based; a line never contains its terminator.
 */
final class SourceText {
    private final String file;
    private final List<String> lines;

    SourceText(String file, String text) {
        this.file = file;
        this.lines = List.copyOf(split(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(text.substring(start));
        return out;
    }

    String file() {
        return file;
    }

    /** Every line, in order: what {@link ScriptSources.Loaded#lines()} hands to the runner to quote. */
    List<String> lines() {
        return lines;
    }

    int lineCount() {
        return lines.size();
    }

    /** The text of a 1-based line, "" past the end. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    static boolean isBlank(String line) {
        return line.isBlank();
    }

    static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    /** A comment line: {@code #}, {@code //} or {@code --} after optional indentation (a bare {@code --} too). */
    static boolean isComment(String line) {
        String t = line.stripLeading();
        return t.startsWith("#") || t.startsWith("//") || (t.startsWith("--") && !isSeparator(line));
    }

    /** Three or more dashes alone on an unindented line (trailing whitespace allowed). */
    static boolean isSeparator(String line) {
        String t = line.stripTrailing();
        if (t.length() < 3) return false;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != '-') return false;
        }
        return true;
    }

    /**
     * The 1-based column of a char index of {@code line}, counted in code points: diagnostics and
     * AST positions count characters as a reader does, so an emoji is one column, not two.
     */
    static int codePointColumn(String line, int charIndex) {
        int at = Math.max(0, Math.min(charIndex, line.length()));
        return line.codePointCount(0, at) + 1;
    }

    /** The char index of a 1-based code point column of {@code line} (the line's length past its end). */
    static int charIndex(String line, int column) {
        int cps = line.codePointCount(0, line.length());
        return line.offsetByCodePoints(0, Math.max(0, Math.min(column - 1, cps)));
    }

    /** 1-based column of the first non-whitespace character, or 1 for a blank line. */
    static int firstColumn(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) return i + 1;
        }
        return 1;
    }
}
