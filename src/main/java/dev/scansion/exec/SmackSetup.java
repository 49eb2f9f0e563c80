package dev.scansion.exec;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.sasl.javax.SASLPlainMechanism;

/**
 * The Smack settings that cannot be made per connection, in place before any Smack class
 * initialises. Everything Smack 4.4.8 allows per connection is set per connection instead
 * ({@link SmackSessionFactory}: stream management and its resumption off, unknown IQ requests
 * unanswered, no presence at login), so that a user's own Smack connections in the same JVM (the
 * JUnit engine runs inside their test JVM) keep Smack's defaults there. What stays global, and why:
 * <ul>
 * <li>The Roster and the ReconnectionManager are disabled classes: Smack reads its disabled-class
 * list once, in its static initialiser, and otherwise attaches a Roster to every connection when
 * it is created, which fetches the roster at login, answers roster pushes and (by default)
 * subscription requests on its own. Undoing that per connection would mean reaching into the
 * Roster of each of ours (load at login, subscription mode, its push handler); not done.</li>
 * <li>Smack's and jxmpp's java.util.logging loggers are turned off: loggers belong to classes, not
 * to connections, and Smack logs every connection problem at WARNING on stderr, which the runner
 * reports itself.</li>
 * <li>{@link SaslChoice} is registered once (Smack's mechanism list is JVM-wide) but chooses only for
 * the configurations the runner built ({@link SaslChoice#ours}); for any other connection it
 * picks as Smack would between the two (SCRAM-SHA-1 when usable, else PLAIN).</li>
 * </ul>
 */
final class SmackSetup {
    private static final String DISABLED = "org.jivesoftware.smack.roster.Roster,org.jivesoftware.smack.ReconnectionManager";
    /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final Logger SMACK_LOGGER = Logger.getLogger("org.jivesoftware");
    private static final Logger JXMPP_LOGGER = Logger.getLogger("org.jxmpp");

    static {
        String existing = System.getProperty("smack.disabledClasses");
        System.setProperty("smack.disabledClasses", existing == null || existing.isBlank() ? DISABLED
                : existing + "," + DISABLED);
        // Smack logs connection problems at WARNING on stderr; the runner reports them itself.
        SMACK_LOGGER.setLevel(Level.OFF);
        JXMPP_LOGGER.setLevel(Level.OFF);
        org.jivesoftware.smack.SmackConfiguration.addDisabledSmackClasses(DISABLED.split(","));
        SASLAuthentication.registerSASLMechanism(new SaslChoice());
    }

    private SmackSetup() {
    }

    /** Runs the static initialiser once; call before touching any other Smack class. */
    static void init() {
        // The work happens in the static initialiser.
    }

    /**
     * Chooses between SCRAM-SHA-1 and PLAIN per connection when the server offers PLAIN. Smack
     * ranks mechanisms once for the whole JVM (SCRAM-SHA-1 before PLAIN); this entry ranks just
     * above SCRAM-SHA-1, is reached only when the server offers PLAIN, and then hands over to
     * the real mechanism: PLAIN for a server on this machine (loopback: the password crosses no
     * network, and SCRAM's key derivation costs the login ~8 ms, most of it in the server),
     * otherwise SCRAM-SHA-1 when the server offers it, as Smack would.
     */
    static final class SaslChoice extends SASLMechanism {
        /** After SCRAM-SHA-1-PLUS (100), before SCRAM-SHA-1 (110) and Smack's PLAIN (400). */
        static final int PRIORITY = 105;

        /** The configurations the runner built: only for these is PLAIN preferred on loopback. */
        private static final Set<ConnectionConfiguration> OURS = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        /** Marks a configuration as the runner's own; returns it. */
        static <C extends ConnectionConfiguration> C ours(C config) {
            OURS.add(config);
            return config;
        }

        /** The mechanism to use when the server offers PLAIN. */
        static String choose(boolean serverIsLocal, boolean scramUsable) {
            return serverIsLocal || !scramUsable ? PLAIN : SCRAMSHA1Mechanism.NAME;
        }

        static boolean isLocal(ConnectionConfiguration config) {
            return config.getHostAddress() != null && config.getHostAddress().isLoopbackAddress();
        }

        private static boolean scramUsable(XMPPConnection connection, ConnectionConfiguration config) {
            Mechanisms offered = connection.getFeature(Mechanisms.class);
            List<String> names = offered == null ? List.of() : offered.getMechanisms();
            String scram = SCRAMSHA1Mechanism.NAME;
            return names.contains(scram) && config.isEnabledSaslMechanism(scram)
                    && !SASLAuthentication.getBlacklistedSASLMechanisms().contains(scram);
        }

        @Override
        public SASLMechanism instanceForAuthentication(XMPPConnection connection, ConnectionConfiguration config) {
            boolean local = OURS.contains(config) && isLocal(config);
            SASLMechanism chosen = PLAIN.equals(choose(local, scramUsable(connection, config)))
                    ? new SASLPlainMechanism() : new SCRAMSHA1Mechanism();
            return chosen.instanceForAuthentication(connection, config);
        }

        @Override
        public String getName() {
            return PLAIN;
        }

        @Override
        public int getPriority() {
            return PRIORITY;
        }

        @Override
        protected SASLMechanism newInstance() {
            return new SaslChoice();
        }

        // Authentication itself is always done by the instance chosen above.

        @Override
        protected void authenticateInternal(CallbackHandler cbh) {
            throw new UnsupportedOperationException("SaslChoice only chooses a mechanism");
        }

        @Override
        protected byte[] getAuthenticationText() {
            throw new UnsupportedOperationException("SaslChoice only chooses a mechanism");
        }

        @Override
        protected void checkIfSuccessfulOrThrow() {
            throw new UnsupportedOperationException("SaslChoice only chooses a mechanism");
        }
    }
}
