package dev.scansion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared checks of the harness ITs: a server is really up, and after close nothing of it is left. */
final class ServerAssertions {
    private ServerAssertions() {
    }

    /** Asserts the server runs on loopback and answers a stream header with features offering SASL. */
    static void assertUp(XmppTestServer server) {
        assertTrue(server.isRunning(), server + " is not running");
        assertEquals("127.0.0.1", server.host());
        assertEquals("localhost", server.domain());
        String features = featuresOf(server);
        assertTrue(features.contains("urn:ietf:params:xml:ns:xmpp-sasl"), features);
    }

    static String featuresOf(XmppTestServer server) {
        Optional<String> features = StreamProbe.features(server.host(), server.port(), server.domain(), Duration.ofSeconds(10));
        assertTrue(features.isPresent(), server + " sent no stream features\n" + server.logTail());
        return features.get();
    }

    /** The pid and every process it started, to check later that all of them are gone. */
    static List<ProcessHandle> processTree(XmppTestServer server) {
        ProcessHandle root = ProcessHandle.of(server.pid()).orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(List.of(root));
        tree.addAll(root.descendants().toList());
        return tree;
    }

    static void assertGone(XmppTestServer server, List<ProcessHandle> tree) {
        assertFalse(server.isRunning(), server + " still runs after close");
        for (ProcessHandle p : tree) {
            assertFalse(p.isAlive(), "process " + p.pid() + " " + p.info().command().orElse("?") + " survived close");
        }
        assertFalse(Files.exists(server.directory()), server.directory() + " was not removed");
        assertFalse(accepts(server.port()), "port " + server.port() + " still accepts connections");
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean logsIn(XmppTestServer server, String user, String password) throws IOException {
        return StreamProbe.authenticates(server.host(), server.port(), server.domain(), user, password, Duration.ofSeconds(10));
    }
}
