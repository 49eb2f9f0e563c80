package dev.scansion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The readiness probe against scripted fake servers: only real stream features count as "up". */
@Timeout(30)
class StreamProbeTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' from='localhost' id='x' version='1.0'>";
    private static final Duration SHORT = Duration.ofMillis(500);
    /** A FakeServer step that reads from the client instead of writing. */
    private static final String READ = "<<read>>";

    @Test
    void theWholeFeaturesElementIsReturned() throws Exception {
        try (FakeServer server = new FakeServer(READ, HEADER + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>",
                "<mechanism>PLAIN</mechanism></mechanisms></stream:features>")) {
            Optional<String> features = StreamProbe.features("127.0.0.1", server.port(), "localhost", Duration.ofSeconds(5));
            assertTrue(features.isPresent());
            assertTrue(features.get().contains("<mechanism>PLAIN</mechanism>"), features.get());
            assertTrue(server.received().startsWith("<?xml version='1.0'?><stream:stream to='localhost'"), server.received());
        }
    }

    @Test
    void emptyFeaturesCount() throws Exception {
        try (FakeServer server = new FakeServer(READ, HEADER + "<stream:features/>")) {
            assertEquals(Optional.of("<stream:features/>"), StreamProbe.features("127.0.0.1", server.port(), "localhost", SHORT));
        }
    }

    @Test
    void aHeaderWithoutFeaturesIsNotReady() throws Exception {
        try (FakeServer server = new FakeServer(READ, HEADER)) {
            assertEquals(Optional.empty(), StreamProbe.features("127.0.0.1", server.port(), "localhost", SHORT));
        }
    }

    @Test
    void aSilentListenerIsNotReady() throws Exception {
        try (FakeServer server = new FakeServer()) {
            assertEquals(Optional.empty(), StreamProbe.features("127.0.0.1", server.port(), "localhost", SHORT));
        }
    }

    @Test
    void nothingListeningIsNotReady() {
        int port = FreePorts.pick();
        assertEquals(Optional.empty(), StreamProbe.features("127.0.0.1", port, "localhost", SHORT));
    }

    @Test
    void registrationFailsWhenAnAccountIsRefused() throws Exception {
        String replies = "<iq type='result' id='reg0'/><iq type='error' id='reg1'><error type='cancel'>"
                + "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
        try (FakeServer server = new FakeServer(READ, HEADER + "<stream:features/>", READ, replies)) {
            IOException e = assertThrows(IOException.class, () -> StreamProbe.register(
                    "127.0.0.1", server.port(), "localhost", List.of("user", "user2"), "secret-pw", Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("'user2'"), e.getMessage());
            assertFalse(e.getMessage().contains("secret-pw"), "the password must not appear in messages");
        }
    }

    @Test
    void registrationSucceedsWhenEveryAccountIsAccepted() throws Exception {
        try (FakeServer server = new FakeServer(READ, HEADER + "<stream:features/>", READ,
                "<iq id=\"reg0\" type=\"result\"/><iq type='result' id='reg1'/>")) {
            StreamProbe.register("127.0.0.1", server.port(), "localhost", List.of("user", "user2"), "pw", Duration.ofSeconds(5));
            assertTrue(server.received().contains("<username>user2</username>"), server.received());
        }
    }

    /** Accepts one client and plays its steps (write a text, or {@link #READ}), recording what the client sent. */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        private final StringBuffer received = new StringBuffer();

        FakeServer(String... steps) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[]{127, 0, 0, 1}));
            thread = new Thread(() -> serve(List.of(steps)), "fake-xmpp-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String received() {
            return received.toString();
        }

        private void serve(List<String> steps) {
            try (Socket client = socket.accept()) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                for (String step : steps) {
                    if (step.equals(READ)) {
                        if (!readSome(in)) return;
                    } else {
                        out.write(step.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                while (readSome(in)) {
                    // Keep recording until the client closes.
                }
            } catch (IOException e) {
                // The client went away: the test has what it needs.
            }
        }

        private boolean readSome(InputStream in) throws IOException {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n < 0) return false;
            received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }
}
