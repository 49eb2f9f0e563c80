package dev.scansion.match;

import dev.scansion.script.ast.SourceSpan;

/**
 * One difference between an expected element and a received stanza.
 *
 * @param expectedAt where the expected element (or attribute) is written in the script
 * @param path       where in the received stanza, e.g. {@code /presence/x{muc#user}/item/@role}
 * @param reason     short text, e.g. "attribute value differs", "missing child element"
 * @param expected   the expected value (rendered), or "" when not applicable
 * @param received   the received value (rendered), or "" / "(absent)"
 */
public record Difference(SourceSpan expectedAt, String path, String reason, String expected, String received) {
}
