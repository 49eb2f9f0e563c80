package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Logging in against a real ejabberd, which offers both SCRAM-SHA-1 and PLAIN. */
@Timeout(300)
class SmackSessionFactoryIT {
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
    void aServerOnThisMachineGetsPlainAndTheLoginWorks() throws Exception {
        List<String> sent = login(server.host());
        List<String> auth = sent.stream().filter(x -> x.startsWith("<auth")).toList();
        assertEquals(1, auth.size(), sent.toString());
        assertTrue(auth.get(0).contains("mechanism='PLAIN'"), auth.get(0));
    }

    @Test
    void aHostNameIsResolvedAndTheLoginWorks() throws Exception {
        List<String> sent = login("localhost");
        assertTrue(sent.stream().anyMatch(x -> x.startsWith("<iq") && x.contains("xmpp-bind")), sent.toString());
    }

    /** Connects as user@localhost, disconnects, and returns the elements the client sent. */
    private static List<String> login(String host) throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        WireTap tap = (actor, direction, xml) -> {
            if (direction == Direction.SENT) sent.add(xml);
        };
        ConnectRequest request = new ConnectRequest("User", "user@" + server.domain(), XmppTestServer.PASSWORD,
                Optional.empty(), host, server.port(), TlsSettings.DEFAULT, Duration.ofSeconds(10));
        ActorSession session = new SmackSessionFactory().connect(request, tap);
        try {
            assertTrue(session.fullJid().startsWith("user@" + server.domain() + "/"), session.fullJid());
        } finally {
            session.disconnect();
        }
        return sent;
    }
}
