package dev.scansion.match;

/**
 * A {@code <stream:error>} the server sent (RFC 6120 §4.9): the defined condition, e.g.
 * {@code conflict} or {@code system-shutdown}, and the optional human-readable text ("" when none).
 */
public record StreamError(String condition, String text) {
    static final String STREAMS_NS = "urn:ietf:params:xml:ns:xmpp-streams";

    /** {@code conflict: Replaced by new connection}, or just the condition. */
    public String describe() {
        return text.isEmpty() ? condition : condition + ": " + text;
    }

    static StreamError of(ReceivedElement error) {
        String condition = "undefined-condition";
        String text = "";
        boolean found = false;
        for (ReceivedElement c : error.elements()) {
            if (!c.namespace().equals(STREAMS_NS)) continue;
            if (c.localName().equals("text")) {
                text = c.text();
            } else if (!found) {
                condition = c.localName();
                found = true;
            }
        }
        return new StreamError(condition, text);
    }

    @Override
    public String toString() {
        return describe();
    }
}
