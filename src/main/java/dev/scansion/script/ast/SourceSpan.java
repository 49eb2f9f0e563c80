package dev.scansion.script.ast;

/**
 * Where a node stands: the script's display name (the path as given by the user) and the
 * 1-based position of its first character.
 */
public record SourceSpan(String file, SourcePos pos) {
    public SourceSpan {
        if (file == null || pos == null) throw new NullPointerException();
    }

    public static SourceSpan of(String file, int line, int column) {
        return new SourceSpan(file, new SourcePos(line, column));
    }

    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }

    /** {@code file:line:column}, the form every diagnostic and report uses. */
    @Override
    public String toString() {
        return file + ":" + pos.line() + ":" + pos.column();
    }
}
