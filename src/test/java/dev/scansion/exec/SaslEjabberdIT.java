package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Direction;
import dev.scansion.testing.EjabberdServer;
import dev.scansion.testing.XmppTestServer;

/**
 * Logging in with each SASL mechanism the test ejabberd offers (SCRAM and PLAIN; its test
 * configuration disables DIGEST-MD5), forcing one, and a wrong password.
 */
@Timeout(300)
class SaslEjabberdIT {
    private static EjabberdServer server;

    @BeforeAll
    static void start() {
        server = EjabberdServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void withNothingForcedAServerOnThisMachineGetsPlain() throws Exception {
        assertEquals("PLAIN", mechanismUsed(Optional.empty()));
    }

    @Test
    void forcedScramSha1IsUsedAndTheLoginWorks() throws Exception {
        assertEquals("SCRAM-SHA-1", mechanismUsed(Optional.of(SaslMechanism.SCRAM_SHA_1)));
    }

    @Test
    void forcedPlainIsUsedAndTheLoginWorks() throws Exception {
        assertEquals("PLAIN", mechanismUsed(Optional.of(SaslMechanism.PLAIN)));
    }

    @Test
    void aForcedMechanismTheServerDoesNotOfferFailsNamingWhatItOffers() {
        SessionException e = assertThrows(SessionException.class,
                () -> mechanismUsed(Optional.of(SaslMechanism.DIGEST_MD5)));
        assertEquals(SessionException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().startsWith("cannot log in as user@" + server.domain()
                + ": the server does not offer SASL mechanism DIGEST-MD5 (forced); it offers: "), e.getMessage());
        assertTrue(e.getMessage().contains("SCRAM-SHA-1") && e.getMessage().contains("PLAIN"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aWrongPasswordShowsTheConditionAndTheServersTextButNoPassword() {
        for (SaslMechanism m : List.of(SaslMechanism.PLAIN, SaslMechanism.SCRAM_SHA_1)) {
            SessionException e = assertThrows(SessionException.class,
                    () -> login("wrong-password-42", Optional.of(m), new CopyOnWriteArrayList<>()));
            assertEquals(SessionException.Kind.AUTHENTICATION, e.kind());
            // ejabberd 23.01 words its <text/> "Invalid username or password".
            assertEquals("authentication as user@" + server.domain() + " failed (" + m.wireName()
                    + "): not-authorized: Invalid username or password", e.getMessage());
        }
    }

    /**
     * The contract's promise, "the best mechanism both sides support": a server that offers only
     * DIGEST-MD5 (which the runner could not log into before) is logged into with it.
     */
    @Test
    void aServerOfferingOnlyDigestMd5IsLoggedIntoWithIt() throws Exception {
        try (EjabberdServer digestOnly = EjabberdServer.startWithSaslDisabled(List.of("plain", "scram-sha-1",
                "scram-sha-256", "scram-sha-512", "x-oauth2"))) {
            assertEquals("DIGEST-MD5", mechanismUsed(digestOnly, Optional.empty()));
        }
    }

    private static String mechanismUsed(Optional<SaslMechanism> forced) throws Exception {
        return mechanismUsed(server, forced);
    }

    /** Logs in as user@localhost (password right) and returns the mechanism of the client's {@code <auth/>}. */
    private static String mechanismUsed(XmppTestServer target, Optional<SaslMechanism> forced) throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        login(target, XmppTestServer.PASSWORD, forced, sent);
        List<String> auth = sent.stream().filter(x -> x.startsWith("<auth")).toList();
        assertEquals(1, auth.size(), sent.toString());
        String a = auth.get(0);
        int at = a.indexOf("mechanism=") + "mechanism=".length() + 1;
        return a.substring(at, a.indexOf(a.charAt(at - 1), at));
    }

    private static void login(String password, Optional<SaslMechanism> forced, List<String> sent) throws Exception {
        login(server, password, forced, sent);
    }

    private static void login(XmppTestServer server, String password, Optional<SaslMechanism> forced,
                              List<String> sent) throws Exception {
        WireTap tap = (actor, direction, xml) -> {
            if (direction == Direction.SENT) sent.add(xml);
        };
        ConnectRequest request = new ConnectRequest("User", "user@" + server.domain(), password, Optional.empty(),
                server.host(), server.port(), TlsSettings.DEFAULT, Duration.ofSeconds(10), forced);
        ActorSession session = new SmackSessionFactory().connect(request, tap);
        try {
            assertTrue(session.fullJid().startsWith("user@" + server.domain() + "/"), session.fullJid());
        } finally {
            session.disconnect();
        }
    }
}
