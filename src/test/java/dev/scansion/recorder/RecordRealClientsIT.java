package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * `scansion record` with clients nobody here wrote, from Debian packages (tools/ensure-deps installs
 * them): slixmpp (two accounts, a roster add, a chat message, disco, a MUC join, a MAM query), over a
 * plain stream and over STARTTLS, and go-sendxmpp (which insists on STARTTLS). Each recording is made
 * the way a user makes it: `record --once` (which verifies the script against the same server), and
 * must then replay green, unedited, against a fresh server. A missing client fails the test: it never
 * skips.
 */
@Timeout(300)
class RecordRealClientsIT {
    private static final Path BASEDIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SLIXMPP_CONVERSATION = BASEDIR.resolve("src/test/resources/clients/slixmpp_conversation.py");
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;
    private ProsodyServer recorded;
    private ProsodyServer fresh;

    @BeforeEach
    void start() {
        recorded = ProsodyServer.start();
        fresh = ProsodyServer.start();
    }

    @AfterEach
    void stop() {
        if (recorded != null) recorded.close();
        if (fresh != null) fresh.close();
    }

    @Test
    void slixmppOverAPlainStreamRecordsAScriptThatReplaysGreen() throws Exception {
        Path script = tmp.resolve("slixmpp-plain.scs");
        Recording r = record(script, List.of("--listen-tls", "off"),
                port -> List.of(PYTHON, SLIXMPP_CONVERSATION.toString(), "127.0.0.1", port, "localhost", "plain", "none"));
        assertSlixmppConversation(r, script);
        assertReplaysGreen(script);
    }

    @Test
    void slixmppOverStartTlsRecordsAScriptThatReplaysGreen() throws Exception {
        Path cert = tmp.resolve("cert.pem");
        Path key = tmp.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days",
                "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost").redirectErrorStream(true)
                .redirectOutput(tmp.resolve("openssl.log").toFile()).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, read(tmp.resolve("openssl.log")));
        Path script = tmp.resolve("slixmpp-starttls.scs");
        Recording r = record(script, List.of("--listen-tls", "required", "--listen-cert", cert.toString(),
                        "--listen-key", key.toString()),
                port -> List.of(PYTHON, SLIXMPP_CONVERSATION.toString(), "127.0.0.1", port, "localhost", "starttls",
                        cert.toString()));
        assertSlixmppConversation(r, script);
        assertReplaysGreen(script);
    }

    @Test
    void goSendxmppOverStartTlsRecordsAScriptThatReplaysGreen() throws Exception {
        Path script = tmp.resolve("go-sendxmpp.scs");
        Path message = Files.writeString(tmp.resolve("message.txt"), "A plague o' both your houses!\n");
        Recording r = record(script, List.of("--listen-tls", "required"),
                port -> List.of("go-sendxmpp", "--no-tls-verify", "--username", "mercutio@localhost", "--password",
                        "password", "--jserver", "127.0.0.1:" + port, "--message", message.toString(),
                        "tybalt@localhost"));
        String text = Files.readString(script);
        assertTrue(text.contains("[Client] Romeo") && text.contains("jid: mercutio@localhost"), text);
        assertTrue(text.contains("<body>A plague o&apos; both your houses!</body>")
                || text.contains("<body>A plague o' both your houses!</body>"), text);
        assertTrue(text.contains("to=\"tybalt@localhost\""), text);
        assertFalse(r.out().contains("not verified"), r.out());
        assertReplaysGreen(script);
    }

    private void assertSlixmppConversation(Recording r, Path script) throws IOException {
        String text = Files.readString(script);
        for (String expected : List.of("[Client] Romeo", "[Client] Juliet", "jid: romeo@localhost", "resource: balcony",
                "jabber:iq:roster", "<body>Wherefore art thou?</body>", "http://jabber.org/protocol/disco#info",
                "verona@conference.localhost/Romeo", "urn:xmpp:mam:2", "Romeo disconnects", "Juliet disconnects",
                "to=\"${Juliet's full JID}\"")) {
            assertTrue(text.contains(expected), "missing " + expected + " in\n" + text);
        }
        assertTrue(r.out().contains("verified: replays green"), r.out());
    }

    private void assertReplaysGreen(Path script) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("run", "--no-color", "--host", fresh.host(), "--port", Integer.toString(fresh.port()),
                script.toString());
        assertEquals(0, code, () -> out + "\n" + err + "\n--- script\n" + read(script));
    }

    /** What `record` printed and returned. */
    private record Recording(int code, String out) {
    }

    private interface ClientCommand {
        List<String> at(String port);
    }

    /**
     * Runs `scansion record --once` against {@link #recorded} in this JVM, starts the client once the
     * command says it listens, and waits for both; fails when either fails.
     */
    private Recording record(Path script, List<String> options, ClientCommand client) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("record", "--listen", "127.0.0.1:" + port, "--host",
                recorded.host(), "--port", Integer.toString(recorded.port()), "-o", script.toString(), "--once"));
        args.addAll(options);
        CountDownLatch listening = new CountDownLatch(1);
        StringWriter printed = new StringWriter();
        Writer watcher = new Writer() {
            @Override
            public void write(char[] c, int off, int len) {
                synchronized (printed) {
                    printed.write(c, off, len);
                    if (printed.toString().contains("recording:")) listening.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(watcher, true));
        cl.setErr(new PrintWriter(watcher, true));
        CompletableFuture<Integer> command = CompletableFuture.supplyAsync(() -> cl.execute(args.toArray(String[]::new)));
        try {
            assertTrue(listening.await(30, TimeUnit.SECONDS) || command.isDone(), "record did not start:\n" + printed);
            Process p = new ProcessBuilder(client.at(Integer.toString(port))).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("client.log").toFile()).start();
            boolean ended = p.waitFor(120, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly();
            String clientLog = read(tmp.resolve("client.log"));
            assertTrue(ended && p.exitValue() == 0, "the client failed:\n" + clientLog + "\n--- record\n" + printed);
            int code = command.get(120, TimeUnit.SECONDS);
            String out;
            synchronized (printed) {
                out = printed.toString();
            }
            assertEquals(0, code, out + "\n--- script\n" + read(script));
            assertFalse(out.contains("password\n") || out.contains("cGFzc3dvcmQ"), "a secret in the output:\n" + out);
            return new Recording(code, out);
        } finally {
            command.cancel(true);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "(no file)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
