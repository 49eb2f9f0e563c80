package dev.scansion.script.ast;

/** A 1-based line and column in a script file. */
public record SourcePos(int line, int column) implements Comparable<SourcePos> {
    public SourcePos {
        if (line < 1 || column < 1) throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }

    @Override
    public int compareTo(SourcePos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
