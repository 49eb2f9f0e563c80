package dev.scansion.script.ast;

/** A header line {@code ## name} or {@code ## name: value}; {@code value} is null for the first form. */
public record Tag(String name, String value, SourceSpan span) {
    @Override
    public String toString() {
        return value == null ? name : name + ": " + value;
    }
}
