package dev.scansion.script;

import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.Ansi;
import dev.scansion.text.DisplayWidth;
import dev.scansion.text.Printable;

/**
 * A problem found in a script, rendered rustc/hurl style:
 * <pre>
 * error: unknown actor 'Romeo2'
 *   --> specs/muc.scs:14:1
 *    |
 * 14 | Romeo2 sends:
 *    | ^^^^^^ not defined above the separator
 * </pre>
 * A diagnostic without a source line (an unreadable file, the "too many errors" note) renders
 * as its first two lines only. Script text never reaches a terminal raw: the message and detail are
 * kept printable (control characters escaped, cut at {@value #MAX_TEXT} characters) and the source
 * line is shown escaped and cut to a window around the caret, with {@code …} where it was cut.
 *
 * @param sourceLine  the offending line of the file, without its line ending ("" when none)
 * @param caretLength how many characters (code points) the caret marks (at least 1); the column of
 *                    {@code span} counts code points too
 * @param detail      short text after the carets ("" when none)
 */
public record Diagnostic(Severity severity, SourceSpan span, String message, String sourceLine, int caretLength,
                         String detail) {
    public enum Severity { ERROR, WARNING }

    /** Widest part of a long source line shown around the caret. */
    private static final int WINDOW = 160;
    /** Longest message or detail kept; parts quoting script text are cut shorter where they are made. */
    static final int MAX_TEXT = 400;
    private static final int TAB_WIDTH = 4;

    public Diagnostic {
        if (severity == null || span == null || message == null) throw new NullPointerException();
        sourceLine = sourceLine == null ? "" : sourceLine;
        message = Printable.shortLine(message, MAX_TEXT);
        detail = detail == null ? "" : Printable.shortLine(detail, MAX_TEXT);
        caretLength = Math.max(1, caretLength);
    }

    public static Diagnostic error(SourceSpan span, String message, String sourceLine, int caretLength,
                                   String detail) {
        return new Diagnostic(Severity.ERROR, span, message, sourceLine, caretLength, detail);
    }

    public static Diagnostic warning(SourceSpan span, String message, String sourceLine, int caretLength,
                                     String detail) {
        return new Diagnostic(Severity.WARNING, span, message, sourceLine, caretLength, detail);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Multi-line human form as shown above, without a trailing newline. */
    public String render() {
        return render(false);
    }

    /** As {@link #render()}, with ANSI colours when {@code color} is true. */
    public String render(boolean color) {
        Ansi s = new Ansi(color);
        String label = severity.name().toLowerCase(java.util.Locale.ROOT);
        String head = s.strong(severity == Severity.ERROR ? Ansi.RED : Ansi.YELLOW, label) + s.paint(Ansi.BOLD, ": " + message);
        String number = Integer.toString(span.line());
        String pad = " ".repeat(number.length());
        StringBuilder sb = new StringBuilder(head).append('\n')
                .append(pad).append(s.strong(Ansi.BLUE, "--> ")).append(span);
        if (sourceLine.isEmpty() && detail.isEmpty()) return sb.toString();
        Snippet snip = Snippet.of(sourceLine, span.column(), caretLength);
        String bar = s.strong(Ansi.BLUE, "|");
        sb.append('\n').append(pad).append(' ').append(bar)
                .append('\n').append(s.strong(Ansi.BLUE, number)).append(' ').append(bar);
        if (!snip.text.isEmpty()) sb.append(' ').append(snip.text);
        String carets = " ".repeat(snip.caretStart) + "^".repeat(snip.caretWidth) + (detail.isEmpty() ? "" : " " + detail);
        sb.append('\n').append(pad).append(' ').append(bar).append(' ')
                .append(s.strong(severity == Severity.ERROR ? Ansi.RED : Ansi.YELLOW, carets));
        return sb.toString();
    }

    /** One line: {@code file:line:col: error: message}. */
    public String oneLine() {
        return span + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }

    /**
     * The displayed source line: tabs expanded, control characters made visible, long lines cut to a
     * window around the caret; and where the caret starts and how wide it is in that display.
     * {@code column} and {@code length} count code points; the caret position counts terminal cells.
     */
    private record Snippet(String text, int caretStart, int caretWidth) {
        static Snippet of(String line, int column, int length) {
            int from = SourceText.charIndex(line, column);
            int to = from;
            for (int k = 0; k < length && to < line.length(); k++) to = line.offsetByCodePoints(to, 1);
            boolean pastEnd = line.codePointCount(from, line.length()) < length;
            int winStart = line.length() > WINDOW && from > WINDOW / 2 ? from - WINDOW / 2 : 0;
            if (winStart > 0 && Character.isLowSurrogate(line.charAt(winStart))) winStart--;
            int winEnd = Math.min(line.length(), winStart + WINDOW);
            if (winEnd < line.length() && Character.isLowSurrogate(line.charAt(winEnd))) winEnd++;
            StringBuilder shown = new StringBuilder(winStart > 0 ? "…" : "");
            int width = shown.length();
            int caretStart = -1;
            int caretEnd = -1;
            for (int i = winStart; i <= winEnd; ) {
                if (i == from) caretStart = width;
                if (i == to && to > from) caretEnd = width;
                if (i == winEnd) break;
                int cp = line.codePointAt(i);
                if (cp == '\t') {
                    shown.append(" ".repeat(TAB_WIDTH));
                    width += TAB_WIDTH;
                } else if (!Printable.isClean(new String(Character.toChars(cp))) || cp == '\n') {
                    String escaped = Printable.line(new String(Character.toChars(cp)));
                    shown.append(escaped); // an escape is as many cells as it has characters
                    width += escaped.length();
                } else {
                    shown.appendCodePoint(cp);
                    width += DisplayWidth.of(cp);
                }
                i += Character.charCount(cp);
            }
            if (caretStart < 0) caretStart = width;
            if (caretEnd < 0 && (pastEnd || to > winEnd)) caretEnd = width; // marks on past what is shown
            if (caretEnd <= caretStart) caretEnd = caretStart + 1;
            if (winEnd < line.length()) shown.append("… (").append(Printable.utf8Length(line)).append(" bytes)");
            return new Snippet(shown.toString().stripTrailing(), caretStart, caretEnd - caretStart);
        }
    }
}
