package dev.scansion.author;

/**
 * How a literal value is written so that the parser reads it back as that value: what a script
 * cannot carry literally, and the escaping of what it can.
 */
final class ScriptSyntax {
    private ScriptSyntax() {
    }

    /**
     * Whether {@code value} can stand literally in a received payload: a whole or partial
     * {@code {scansion:...}} would be read as a marker (or warned about, being compared literally),
     * and the language has no escape for it, so such a value is written as a marker instead.
     */
    static boolean writable(String value) {
        return !value.contains("{scansion:");
    }

    /** Literal text in script syntax, before XML escaping: {@code ${} is written {@code $${} (language doc §5). */
    static String literal(String value) {
        return value.replace("${", "$${");
    }
}
