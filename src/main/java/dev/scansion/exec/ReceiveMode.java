package dev.scansion.exec;

/** How {@code receives} treats stanzas that do not match (language doc §4). */
public enum ReceiveMode {
    /** Set non-matching stanzas aside (they are consumed) and wait for a match. */
    SKIP,
    /** The next stanza must match. */
    NEXT
}
