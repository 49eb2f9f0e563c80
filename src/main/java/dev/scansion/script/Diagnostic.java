package dev.scansion.script;

import dev.scansion.script.ast.SourceSpan;

/**
 * A problem found in a script, rendered rustc/hurl style:
 * <pre>
 * error: unknown actor 'Romeo2'
 *   --> specs/muc.scs:14:1
 *    |
 * 14 | Romeo2 sends:
 *    | ^^^^^^ not defined above the separator
 * </pre>
 *
 * @param sourceLine  the offending line of the file, without its line ending ("" when none)
 * @param caretLength how many characters the caret marks (at least 1)
 * @param detail      short text after the carets ("" when none)
 */
public record Diagnostic(Severity severity, SourceSpan span, String message, String sourceLine, int caretLength,
                         String detail) {
    public enum Severity { ERROR, WARNING }

    /** Multi-line human form as shown above, without a trailing newline. */
    public String render() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** One line: {@code file:line:col: error: message}. */
    public String oneLine() {
        return span + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
