package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.List;

import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The per-connection SASL choice: PLAIN first only for a server on this machine. */
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
    void policy() {
        assertEquals("PLAIN", SmackSetup.SaslChoice.choose(true, true));
        assertEquals("PLAIN", SmackSetup.SaslChoice.choose(true, false));
        assertEquals("SCRAM-SHA-1", SmackSetup.SaslChoice.choose(false, true));
        assertEquals("PLAIN", SmackSetup.SaslChoice.choose(false, false));
    }

    @Test
    void loopbackServerOfferingBothGetsPlain() throws Exception {
        assertEquals("PLAIN", chosen("127.0.0.1", List.of("SCRAM-SHA-1", "PLAIN")));
        assertEquals("PLAIN", chosen("::1", List.of("SCRAM-SHA-1", "PLAIN")));
    }

    @Test
    void remoteServerOfferingBothGetsScram() throws Exception {
        assertEquals("SCRAM-SHA-1", chosen("192.0.2.7", List.of("PLAIN", "SCRAM-SHA-1")));
    }

    @Test
    void remoteServerOfferingOnlyPlainGetsPlain() throws Exception {
        assertEquals("PLAIN", chosen("192.0.2.7", List.of("PLAIN")));
        assertEquals("PLAIN", chosen("192.0.2.7", List.of("PLAIN", "SCRAM-SHA-1-PLUS")));
    }

    @Test
    void aConnectionTheRunnerDidNotBuildGetsSmacksOwnChoiceEvenOnLoopback() throws Exception {
        assertEquals("SCRAM-SHA-1", chosen("127.0.0.1", List.of("SCRAM-SHA-1", "PLAIN"), false));
        assertEquals("PLAIN", chosen("127.0.0.1", List.of("PLAIN"), false));
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

    private static String chosen(String address, List<String> offered) throws Exception {
        return chosen(address, offered, true);
    }

    /** The mechanism the choice hands authentication to, for a server at {@code address} offering {@code offered}. */
    private static String chosen(String address, List<String> offered, boolean ours) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom("example.org"))
                .setHostAddress(InetAddress.getByName(address))
                .setUsernameAndPassword("romeo", "secret")
                .addEnabledSaslMechanism(List.of("SCRAM-SHA-1", "PLAIN"))
                .build();
        if (ours) SmackSetup.SaslChoice.ours(config);
        // A connection that only answers the stream features the choice looks at.
        XMPPConnection connection = (XMPPConnection) Proxy.newProxyInstance(XMPPConnection.class.getClassLoader(),
                new Class<?>[]{XMPPConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getFeature" -> new Mechanisms(offered);
                    case "toString" -> "fake connection";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new SmackSetup.SaslChoice().instanceForAuthentication(connection, config).getName();
    }
}
