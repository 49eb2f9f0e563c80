package dev.scansion.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.scansion.text.Printable;

/**
 * The SASL mechanisms the runner can log in with: those Smack 4.4.8 implements that take a user
 * name and password, strongest first. Smack 4.4.8 has no SCRAM-SHA-256 or SCRAM-SHA-512 (its SCRAM
 * is SHA-1 only); GSSAPI, EXTERNAL, ANONYMOUS and X-OAUTH2 do not log in with the actor's password.
 */
public enum SaslMechanism {
    /**
     * SCRAM-SHA-1 bound to the TLS channel. Smack binds with {@code tls-server-end-point} only, and
     * a server offering -PLUS may bind with another type (tls-unique, tls-exporter); Smack cannot
     * ask, so this is used only when forced, never chosen on its own.
     */
    SCRAM_SHA_1_PLUS("SCRAM-SHA-1-PLUS", false),
    SCRAM_SHA_1("SCRAM-SHA-1", true),
    DIGEST_MD5("DIGEST-MD5", true),
    CRAM_MD5("CRAM-MD5", true),
    PLAIN("PLAIN", true);

    private final String wireName;
    private final boolean chosenOnItsOwn;

    SaslMechanism(String wireName, boolean chosenOnItsOwn) {
        this.wireName = wireName;
        this.chosenOnItsOwn = chosenOnItsOwn;
    }

    /** The name in the server's {@code <mechanisms/>} and in {@code <auth mechanism='...'/>}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the runner picks this mechanism without being told to. */
    boolean chosenOnItsOwn() {
        return chosenOnItsOwn;
    }

    /** The mechanism with this name (any case), if the runner knows it. */
    public static Optional<SaslMechanism> named(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wanted)).findFirst();
    }

    /** "SCRAM-SHA-1-PLUS, SCRAM-SHA-1, ...": for usage messages. */
    public static String knownNames() {
        return Arrays.stream(values()).map(SaslMechanism::wireName).collect(Collectors.joining(", "));
    }

    /** The usage message for a name the runner does not know; the name is shown printable. */
    public static String unknown(String name) {
        return "unknown SASL mechanism '" + Printable.shortLine(name, 40) + "'; known: " + knownNames();
    }
}
