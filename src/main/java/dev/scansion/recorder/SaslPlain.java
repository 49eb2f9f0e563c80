package dev.scansion.recorder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A SASL PLAIN initial response (RFC 4616): {@code authzid NUL authcid NUL password}, base64. Only
 * for logging in upstream: never printed, never recorded.
 */
record SaslPlain(String authzid, String authcid, String password) {
    /** The response, or the SASL failure condition that refuses it. */
    sealed interface Parsed permits Ok, Refused {
    }

    record Ok(SaslPlain plain) implements Parsed {
    }

    record Refused(String condition) implements Parsed {
    }

    static Parsed parse(String base64) {
        String text = base64.strip();
        // "=" is an empty response (RFC 6120 6.4.2); PLAIN has nothing to say after an empty one.
        if (text.isEmpty() || text.equals("=")) return new Refused("malformed-request");
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new Refused("incorrect-encoding");
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        String[] parts = decoded.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) return new Refused("malformed-request");
        return new Ok(new SaslPlain(parts[0], parts[1], parts[2]));
    }

    /** The bare JID this logs in as: the authcid with the stream's domain unless it names one. */
    String account(String domain) {
        return authcid.indexOf('@') >= 0 ? authcid : authcid + "@" + domain;
    }

    @Override
    public String toString() {
        return "SaslPlain[" + authcid + "]";
    }
}
