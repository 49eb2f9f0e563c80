package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Connection set-up without a server: address literals and failures before any XMPP. */
@Timeout(60)
class SmackSessionFactoryTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "10.1.2.3", "::1", "[::1]", "fe80::1%lo"})
    void addressLiteralsNeedNoResolver(String host) {
        assertTrue(SmackSessionFactory.isAddressLiteral(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "127.0.0", "127.0.0.1.5", "256.0.0.1", "010.0.0.1", "1..2.3",
            "1.2.3.", "127.0.0.x", "1a.2.3.4", ""})
    void namesAndOddFormsGoToTheResolver(String host) {
        assertFalse(SmackSessionFactory.isAddressLiteral(host), host);
    }

    @Test
    void refusedAtAnAddressLiteralIsUnreachable() throws IOException {
        SessionException e = assertThrows(SessionException.class, () -> connect("127.0.0.1", closedPort()));
        assertEquals(SessionException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void refusedAtAHostNameIsUnreachable() throws IOException {
        SessionException e = assertThrows(SessionException.class, () -> connect("localhost", closedPort()));
        assertEquals(SessionException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("localhost"), e.getMessage());
    }

    @Test
    void anUnresolvableNameIsUnreachable() {
        // ".invalid" never resolves (RFC 2606).
        SessionException e = assertThrows(SessionException.class, () -> connect("no-such-host.invalid", 5222));
        assertEquals(SessionException.Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    private static void connect(String host, int port) throws SessionException, InterruptedException {
        new SmackSessionFactory().connect(new ConnectRequest("Romeo", "romeo@localhost", "secret", Optional.empty(),
                host, port, TlsSettings.DEFAULT, Duration.ofSeconds(10)), WireTap.NONE);
    }

    /** A loopback port nobody listens on (just released). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
