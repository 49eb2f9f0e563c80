package dev.scansion.exec;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.sasl.SASLMechanism;
import org.jivesoftware.smack.sasl.core.SCRAMSHA1Mechanism;
import org.jivesoftware.smack.sasl.core.ScramSha1PlusMechanism;
import org.jivesoftware.smack.sasl.javax.SASLCramMD5Mechanism;
import org.jivesoftware.smack.sasl.javax.SASLDigestMD5Mechanism;
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
 * <li>The {@link SaslChoice} entries are registered once (Smack's mechanism list is JVM-wide) but
 * choose only for the configurations the runner built ({@link SaslChoice#decide}); for any other
 * connection each stands for Smack's own implementation of its name.</li>
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
        SaslChoice.registerAll();
    }

    private SmackSetup() {
    }

    /** Runs the static initialiser once; call before touching any other Smack class. */
    static void init() {
        // The work happens in the static initialiser.
    }

    /**
     * Hands authentication to the mechanism the runner decided on ({@link SaslPreference}), for the
     * configurations the runner built. Smack ranks mechanisms once for the whole JVM and takes the
     * first that is registered, enabled, not blacklisted and offered; one instance of this class per
     * {@link SaslMechanism} is registered, named as that mechanism and ranked just before Smack's own
     * implementation of it. So for a runner's connection (which enables exactly these names) Smack
     * always reaches one of them first, and it hands over to the decided mechanism; for any other
     * connection the entry reached stands for Smack's own implementation of its name, as if it were
     * not there. The decision ignores Smack's JVM-wide blacklist (which holds SCRAM-SHA-1-PLUS): the
     * runner decides per connection, and uses -PLUS only when forced.
     */
    static final class SaslChoice extends SASLMechanism {
        /** The decisions for the configurations the runner built; weak, as configurations die with their connection. */
        private static final Map<ConnectionConfiguration, SaslMechanism> DECIDED = Collections.synchronizedMap(
                new WeakHashMap<>());

        private final SaslMechanism stands;
        private final SASLMechanism smacks;

        SaslChoice(SaslMechanism stands) {
            this.stands = stands;
            this.smacks = implementation(stands);
        }

        /** Registers one entry per mechanism; Smack sorts them in by priority. */
        static void registerAll() {
            for (SaslMechanism m : SaslMechanism.values()) SASLAuthentication.registerSASLMechanism(new SaslChoice(m));
        }

        /**
         * The names a runner's configuration enables: those with an entry, less Smack's blacklist
         * (Smack refuses to enable those). A blacklisted mechanism (SCRAM-SHA-1-PLUS) is still used
         * when forced, through whichever entry Smack reaches: so only when the server offers another
         * mechanism too.
         */
        static List<String> names() {
            return Arrays.stream(SaslMechanism.values()).map(SaslMechanism::wireName)
                    .filter(n -> !SASLAuthentication.getBlacklistedSASLMechanisms().contains(n)).toList();
        }

        /** Records the mechanism a runner's configuration logs in with, before its login. */
        static void decide(ConnectionConfiguration config, SaslMechanism mechanism) {
            DECIDED.put(config, mechanism);
        }

        static boolean isLocal(ConnectionConfiguration config) {
            return config.getHostAddress() != null && config.getHostAddress().isLoopbackAddress();
        }

        static SASLMechanism implementation(SaslMechanism m) {
            return switch (m) {
                case SCRAM_SHA_1_PLUS -> new ScramSha1PlusMechanism();
                case SCRAM_SHA_1 -> new SCRAMSHA1Mechanism();
                case DIGEST_MD5 -> new SASLDigestMD5Mechanism();
                case CRAM_MD5 -> new SASLCramMD5Mechanism();
                case PLAIN -> new SASLPlainMechanism();
            };
        }

        @Override
        public SASLMechanism instanceForAuthentication(XMPPConnection connection, ConnectionConfiguration config) {
            SaslMechanism decided = DECIDED.get(config);
            SASLMechanism chosen = decided == null ? smacks : implementation(decided);
            return chosen.instanceForAuthentication(connection, config);
        }

        @Override
        public String getName() {
            return stands.wireName();
        }

        /** Just before Smack's own implementation of the same name (lower runs first). */
        @Override
        public int getPriority() {
            return smacks.getPriority() - 1;
        }

        @Override
        public boolean authzidSupported() {
            return smacks.authzidSupported();
        }

        @Override
        public boolean requiresPassword() {
            return smacks.requiresPassword();
        }

        @Override
        protected SASLMechanism newInstance() {
            return new SaslChoice(stands);
        }

        // Authentication itself is always done by the instance handed over to above.

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
