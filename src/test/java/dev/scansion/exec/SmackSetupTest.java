package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.Optional;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The per-connection SASL hand-over: the runner's decision for its connections, Smack's own for others. */
class SmackSetupTest {
    @BeforeAll
    static void init() {
        SmackSetup.init();
    }

    @Test
    void theChoiceIsRegisteredWithSmack() {
        assertTrue(SASLAuthentication.getRegisterdSASLMechanisms().containsKey(SmackSetup.SaslChoice.class.getName()),
                SASLAuthentication.getRegisterdSASLMechanisms().toString());
    }

    @Test
    void everyKnownMechanismHasAnEntryRankedJustBeforeSmacksOwn() {
        for (SaslMechanism m : SaslMechanism.values()) {
            SmackSetup.SaslChoice entry = new SmackSetup.SaslChoice(m);
            assertEquals(m.wireName(), entry.getName());
            assertEquals(SmackSetup.SaslChoice.implementation(m).getPriority() - 1, entry.getPriority(), m.wireName());
        }
    }

    @Test
    void aDecidedConfigurationGetsTheDecidedMechanismWhicheverEntrySmackReaches() throws Exception {
        for (SaslMechanism decided : SaslMechanism.values()) {
            assertEquals(decided.wireName(), chosen(SaslMechanism.SCRAM_SHA_1, Optional.of(decided)));
            assertEquals(decided.wireName(), chosen(SaslMechanism.PLAIN, Optional.of(decided)));
        }
    }

    @Test
    void aConnectionTheRunnerDidNotDecideForGetsSmacksOwnImplementationOfTheEntrysName() throws Exception {
        for (SaslMechanism m : SaslMechanism.values()) {
            assertEquals(m.wireName(), chosen(m, Optional.empty()));
        }
    }

    @Test
    void smacksBlacklistIsLeftAsItIs() {
        // -PLUS stays blacklisted JVM-wide (users' connections); the runner uses it only when forced.
        assertTrue(SASLAuthentication.getBlacklistedSASLMechanisms().contains("SCRAM-SHA-1-PLUS"));
    }

    @Test
    void aUsersOwnConnectionKeepsSmacksDefaultsAfterOurSetup() throws Exception {
        // The runner silences unknown IQs on its own connections only (Smack's default replies).
        assertNotEquals(SmackConfiguration.UnknownIqRequestReplyMode.doNotReply,
                SmackConfiguration.getUnknownIqRequestReplyMode());
        XMPPTCPConnection theirs = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom("example.org")).setUsernameAndPassword("romeo", "secret")
                .build());
        assertEquals(true, field(theirs, "useSm"), "stream management stays Smack's default");
        assertEquals(true, field(theirs, "useSmResumption"), "resumption stays Smack's default");
        assertNotEquals(SmackConfiguration.UnknownIqRequestReplyMode.doNotReply,
                field(theirs, "unknownIqRequestReplyMode"));
    }

    private static Object field(Object o, String name) throws Exception {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        throw new NoSuchFieldException(name);
    }

    /** The mechanism the entry for {@code entry} hands authentication to, with {@code decided} recorded or not. */
    private static String chosen(SaslMechanism entry, Optional<SaslMechanism> decided) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom("example.org"))
                .setHostAddress(InetAddress.getByName("127.0.0.1"))
                .setUsernameAndPassword("romeo", "secret")
                .build();
        decided.ifPresent(m -> SmackSetup.SaslChoice.decide(config, m));
        XMPPConnection connection = (XMPPConnection) Proxy.newProxyInstance(XMPPConnection.class.getClassLoader(),
                new Class<?>[]{XMPPConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new SmackSetup.SaslChoice(entry).instanceForAuthentication(connection, config).getName();
    }
}
