package dev.scansion.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes SASL payloads (which encode passwords or proofs of them) from traced elements. */
final class SaslRedactor {
    static final String REDACTED = "[redacted]";
    private static final Pattern SASL_ELEMENT = Pattern.compile(
            "^(\\s*<(?:[\\w.-]+:)?(auth|response|challenge|success)\\b[^>]*?)(/?)>(.*)$", Pattern.DOTALL);

    private SaslRedactor() {
    }

    /** The element with the text content of a SASL auth/response/challenge/success replaced. */
    static String redact(String element) {
        if (!element.contains("urn:ietf:params:xml:ns:xmpp-sasl")) return element;
        Matcher m = SASL_ELEMENT.matcher(element);
        if (!m.matches() || m.group(3).equals("/")) return element;
        int close = m.group(4).lastIndexOf("</");
        String end = close < 0 ? "" : m.group(4).substring(close);
        return m.group(1) + ">" + REDACTED + end;
    }
}
