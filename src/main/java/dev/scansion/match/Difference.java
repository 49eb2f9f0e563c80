package dev.scansion.match;

import dev.scansion.script.ast.SourceSpan;

/**
 * One difference between an expected element and a received stanza.
 *
 * @param expectedAt where the expected element (or attribute, or text) is written in the script
 * @param path       where in the received stanza, e.g. {@code /presence/x{muc#user}/item/@role};
 *                   a namespace hint in braces where the namespace changes, {@code [n]} among
 *                   same-named siblings, {@code text()} for text
 * @param reason     short text, e.g. "attribute value differs", "missing child element"
 * @param expected   the expected value (rendered), or "" when not applicable
 * @param received   the received value (rendered), or "" / "(absent)"
 */
public record Difference(SourceSpan expectedAt, String path, String reason, String expected, String received) {

    /** {@code file:line:col: /presence/@type: attribute value differs: expected 'a', received 'b'}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder().append(expectedAt).append(": ").append(path).append(": ").append(reason);
        if (!expected.isEmpty() || !received.isEmpty()) {
            sb.append(": expected ").append(quote(expected)).append(", received ").append(quote(received));
        }
        return sb.toString();
    }

    /** Markers such as "(absent)" stay bare; values are quoted so that spaces and "" show. */
    private static String quote(String s) {
        return s.startsWith("(") && s.endsWith(")") || s.startsWith("<") ? s : "'" + s + "'";
    }

    @Override
    public String toString() {
        return oneLine();
    }
}
