package dev.scansion.exec;

import java.util.List;
import java.util.Optional;

import dev.scansion.text.Printable;

/**
 * Which SASL mechanism to log in with, from what the server offers (language doc §4): the one
 * forced by {@code --sasl}, else PLAIN against a server on this machine when offered (the password
 * crosses no network, and SCRAM's key derivation costs a login ~8 ms, most of it in the server),
 * else the strongest mechanism both sides support ({@link SaslMechanism} is in that order).
 */
final class SaslPreference {
    /** How much of the server's list a message shows. */
    private static final int MAX_SHOWN = 200;

    private SaslPreference() {
    }

    /** The outcome: a mechanism to use, or one line saying why there is none. */
    sealed interface Decision {
        record Use(SaslMechanism mechanism) implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }

    /**
     * @param offered      the server's {@code <mechanisms/>}, in its order
     * @param forced       the mechanism {@code --sasl} (or {@code scansion.sasl}) asks for
     * @param serverIsLocal the connection goes to a loopback address
     */
    static Decision choose(List<String> offered, Optional<SaslMechanism> forced, boolean serverIsLocal) {
        if (forced.isPresent()) {
            SaslMechanism m = forced.get();
            return offered.contains(m.wireName()) ? new Decision.Use(m)
                    : new Decision.Refused("the server does not offer SASL mechanism " + m.wireName()
                    + " (forced); it offers: " + shown(offered));
        }
        if (serverIsLocal && offered.contains(SaslMechanism.PLAIN.wireName())) {
            return new Decision.Use(SaslMechanism.PLAIN);
        }
        for (SaslMechanism m : SaslMechanism.values()) {
            if (m.chosenOnItsOwn() && offered.contains(m.wireName())) return new Decision.Use(m);
        }
        return new Decision.Refused("the server offers no SASL mechanism the runner can log in with; it offers: "
                + shown(offered) + "; the runner knows: " + SaslMechanism.knownNames());
    }

    /** The server's names, printable and bounded (they come from the network). */
    private static String shown(List<String> offered) {
        return offered.isEmpty() ? "none" : Printable.shortLine(String.join(", ", offered), MAX_SHOWN);
    }
}
