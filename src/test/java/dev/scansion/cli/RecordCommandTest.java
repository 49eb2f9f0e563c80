package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.BufferedFakeSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.exec.TlsSettings;
import dev.scansion.exec.WireTap;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptParser;
import picocli.CommandLine;

/** {@code scansion record} in-process, against an echoing fake server, with our own Smack session as the client. */
@Timeout(60)
class RecordCommandTest {
    private static final Pattern LISTENING = Pattern.compile("clients connect to 127\\.0\\.0\\.1:(\\d+)");
    private static final String PASSWORD = "pa55-word-x";

    @TempDir
    Path tmp;

    /** Every stanza sent comes back to its sender. */
    private static final SessionFactory ECHO = (request, tap) -> new BufferedFakeSession(
            request.jid() + "/" + request.resource().orElse("assigned")) {
        @Override
        public void send(String xml) {
            buffer.add(new Inbound.Stanza(xml, java.time.Instant.now()));
        }

        @Override
        public void disconnect() {
            closed = true;
            buffer.add(new Inbound.Closed("closed", java.time.Instant.now()));
        }
    };

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** What {@code record -i} reads, as if typed. */
    private String typed = "";

    private CompletableFuture<Run> start(String... args) {
        CommandLine cl = new CommandLine(new ScansionCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RecordCommand.class ? cls.cast(new RecordCommand(ECHO, () -> new StringReader(typed)))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        Main.configure(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("record"));
        all.addAll(List.of(args));
        return CompletableFuture.supplyAsync(() -> new Run(cl.execute(all.toArray(String[]::new)), out.toString(),
                err.toString()));
    }

    private Run run(String... args) throws Exception {
        return start(args).get(30, TimeUnit.SECONDS);
    }

    private int port(CompletableFuture<Run> running) throws Exception {
        for (int i = 0; i < 3000 && !running.isDone(); i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) return Integer.parseInt(m.group(1));
            Thread.sleep(10);
        }
        throw new AssertionError("the proxy did not say where it listens: " + running.get());
    }

    private void romeoPings(int port) throws Exception {
        ActorSession romeo = new SmackSessionFactory().connect(new ConnectRequest("Romeo", "romeo@localhost", PASSWORD,
                Optional.of("balcony"), "127.0.0.1", port, new TlsSettings(TlsSettings.TlsPolicy.OFF, false,
                Optional.empty()), Duration.ofSeconds(5)), WireTap.NONE);
        romeo.send("<iq type='get' id='p1' to='romeo@localhost/balcony'><ping xmlns='urn:xmpp:ping'/></iq>");
        romeo.next(Duration.ofSeconds(5)).orElseThrow();
        romeo.disconnect();
    }

    @Test
    void onceWritesTheScriptWhenTheClientHasGone() throws Exception {
        Path script = tmp.resolve("sub/new.scs");
        CompletableFuture<Run> running = start("--listen", "127.0.0.1:0", "--listen-tls", "off", "--once",
                "--no-verify", "-o", script.toString(), "--title", "Romeo pings himself");
        romeoPings(port(running));
        Run run = running.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.code(), run.toString());
        String text = Files.readString(script);
        assertTrue(text.startsWith("# Romeo pings himself\n"), text);
        assertTrue(text.contains("password: " + PASSWORD), "the script keeps the password the client used:\n" + text);
        var parsed = ScriptParser.parse(script.toString(), text, ParseOptions.CHECK);
        assertTrue(parsed.ok(), parsed.diagnostics() + "\n" + text);
        int steps = parsed.script().orElseThrow().steps().size();
        assertTrue(run.out().contains("wrote " + script + ": 1 actor, " + steps + " steps"), run.toString());
        assertTrue(run.out().contains("client 1: logged in, bound romeo@localhost/balcony"), run.toString());
        assertFalse((run.out() + run.err()).contains(PASSWORD), run.toString());
    }

    @Test
    void passwordEnvKeepsThePasswordOutOfTheScript() throws Exception {
        Path script = tmp.resolve("env.scs");
        CompletableFuture<Run> running = start("--listen", "127.0.0.1:0", "--once", "--no-verify",
                "--password-env", "XMPP_PW", "-o", script.toString());
        romeoPings(port(running));
        Run run = running.get(30, TimeUnit.SECONDS);
        assertEquals(0, run.code(), run.toString());
        String text = Files.readString(script);
        assertTrue(text.contains("${env:XMPP_PW}") && !text.contains(PASSWORD), text);
        assertTrue(run.out().contains("STARTTLS offered, certificate "), run.toString());
    }

    @Test
    void aPortInUseIsOneLineAndWritesNothing() throws Exception {
        Path script = tmp.resolve("never.scs");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("--listen", "127.0.0.1:" + taken.getLocalPort(), "-o", script.toString());
            assertEquals(ExitCodes.RUNTIME, run.code(), run.toString());
            assertTrue(run.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    run.toString());
            assertEquals(1, run.err().lines().count(), run.toString());
            assertFalse(run.err().contains("Exception"), run.toString());
        }
        assertFalse(Files.exists(script));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "nothing half-written");
        }
    }

    @Test
    void helpShowsTheOptionsAsWritten() throws Exception {
        Run run = run("--help");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Write every password as ${env:NAME} instead"), run.out());
        assertTrue(run.out().contains("--listen=HOST:PORT") && run.out().contains("--[no-]verify")
                && run.out().contains("--trust-cert=FILE"), "the server options of run are shared:\n" + run.out());
    }

    @Test
    void usageErrors() throws Exception {
        Path script = tmp.resolve("x.scs");
        Path notPem = Files.writeString(tmp.resolve("cert.pem"), "hello");
        String[][] cases = {
                {"--listen", "0.0.0.0:5223", "-o", script.toString()},
                {"--listen", "127.0.0.1:0"},
                {"--listen", "127.0.0.1:0", "-o", tmp.toString()},
                {"--listen", "127.0.0.1:0", "--listen-cert", notPem.toString(), "-o", script.toString()},
                {"--listen", "127.0.0.1:0", "--listen-tls", "maybe", "-o", script.toString()},
                {"--listen", "127.0.0.1:0", "--password-env", "not a name", "-o", script.toString()},
                {"--listen", "127.0.0.1:0", "--port", "0", "-o", script.toString()}};
        String[] said = {"loopback only", "-o/--output FILE is required", "is a directory",
                "no PEM certificate", "expected off, optional or required", "not a variable name", "--port must be"};
        for (int i = 0; i < cases.length; i++) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            Run run = run(cases[i]);
            assertEquals(ExitCodes.USAGE, run.code(), run.toString());
            assertTrue(run.err().startsWith("error: ") && run.err().contains(said[i]), run.toString());
            assertFalse(run.err().contains("Exception"), run.toString());
        }
        assertFalse(Files.exists(script));
    }

    private static final String ROMEO_PINGS = "[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: " + PASSWORD
            + "\n\tresource: balcony\n\nRomeo connects\nRomeo sends:\n"
            + "<iq type='get' id='p1' to=\"${Romeo's full JID}\"><ping xmlns='urn:xmpp:ping'/></iq>\n\nquit\n";

    @Test
    void interactiveWritesWhatWasTypedAndWhatArrivedAsTheProxyDoes() throws Exception {
        typed = ROMEO_PINGS;
        Path script = tmp.resolve("typed.scs");
        Run run = run("-i", "--no-verify", "-o", script.toString(), "--title", "Typed");
        assertEquals(0, run.code(), run.toString());
        String text = Files.readString(script);
        assertTrue(text.startsWith("# Typed\n") && text.contains("[Client] Romeo") && text.contains("Romeo receives:"),
                text + "\n--- console\n" + run);
        assertTrue(ScriptParser.parse(script.toString(), text, ParseOptions.CHECK).ok(), text);
        assertTrue(run.out().contains("wrote " + script + ": 1 actor, 4 steps"), run.toString());
        assertFalse(run.out().contains(PASSWORD) || run.err().contains(PASSWORD), run.toString());
    }

    @Test
    void interactiveVerifiesTheScriptLikeTheProxy() throws Exception {
        typed = ROMEO_PINGS;
        Path script = tmp.resolve("typed.scs");
        Run run = run("-i", "-o", script.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("verified: replays green (1 round)"), run.toString());
    }

    @Test
    void interactiveWithNoActorConnectedWritesNothing() throws Exception {
        typed = "quit\n";
        Path script = tmp.resolve("none.scs");
        Run run = run("-i", "-o", script.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("nothing recorded: no actor connected; " + script + " not written"), run.toString());
        assertFalse(Files.exists(script));
    }
}
