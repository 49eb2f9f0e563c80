package dev.scansion.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.scansion.script.ast.SourceSpan;

/**
 * Collects the diagnostics of one file, capped: after {@code maxErrors} errors the parser is
 * told to stop ({@link #full()}) and a final note says so. Warnings are capped the same way, silently.
 */
final class Diagnostics {
    private final SourceText source;
    private final int maxErrors;
    /**
     * The script's declared passwords: kept out of every source line shown. Messages are the
     * parser's words around script names and verbs, and are left alone.
     */
    private final SecretMask mask;
    private final List<Diagnostic> list = new ArrayList<>();
    private int errors;
    private int warnings;
    private boolean full;

    Diagnostics(SourceText source, int maxErrors) {
        this.source = source;
        this.maxErrors = maxErrors;
        this.mask = SecretMask.of(Secrets.declared(source));
    }

    /** Longest piece of script text a message quotes: a 1 MB "verb" is not repeated in full. */
    static final int MAX_QUOTED = 64;

    /** Script text to quote in a message: cut to {@link #MAX_QUOTED} characters with its size ("… (N bytes)"). */
    static String quoted(String scriptText) {
        return dev.scansion.text.Printable.cut(scriptText, MAX_QUOTED);
    }

    boolean full() {
        return full;
    }

    int errorCount() {
        return errors;
    }

    /** An error at {@code line:column} marking {@code length} characters of that source line. */
    void error(int line, int column, int length, String message, String detail) {
        add(Diagnostic.Severity.ERROR, line, column, length, message, detail);
    }

    void warning(int line, int column, int length, String message, String detail) {
        add(Diagnostic.Severity.WARNING, line, column, length, message, detail);
    }

    void add(Diagnostic.Severity severity, int line, int column, int length, String message, String detail) {
        if (full) return;
        if (severity == Diagnostic.Severity.WARNING) {
            if (warnings++ < maxErrors) list.add(make(severity, line, column, length, message, detail));
            return;
        }
        list.add(make(severity, line, column, length, message, detail));
        if (++errors >= maxErrors) full = true;
    }

    /**
     * Columns arrive in code points; lengths are Java string lengths of the marked text, so they are
     * turned into code points here as well (an emoji inside the marked text is one caret, not two).
     */
    private Diagnostic make(Diagnostic.Severity severity, int line, int column, int length, String message,
                            String detail) {
        int l = Math.max(1, line);
        String text = source.line(l);
        int start = SourceText.charIndex(text, Math.max(1, column));
        int end = Math.min(text.length(), start + Math.max(0, length));
        int marked = Math.max(1, Math.max(length - (end - start), 0) + text.codePointCount(start, end));
        return new Diagnostic(severity, SourceSpan.of(source.file(), l, Math.max(1, column)), message,
                mask.sourceLine(text), marked, detail);
    }

    /** Everything collected, in file order, with the "too many errors" note last when the cap was hit. */
    List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(list);
        out.sort(Comparator.comparing((Diagnostic d) -> d.span().pos()));
        if (full) {
            SourceSpan last = out.isEmpty() ? SourceSpan.of(source.file(), 1, 1) : out.get(out.size() - 1).span();
            out.add(new Diagnostic(Diagnostic.Severity.ERROR, last,
                    "too many errors: stopped checking this file after " + maxErrors, "", 1, ""));
        }
        return out;
    }
}
