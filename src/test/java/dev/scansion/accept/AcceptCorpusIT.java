package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * {@code scansion run --accept} against a real Prosody (one for the class), in process. The corpus
 * ({@code src/test/resources/accept-corpus}) holds copies of our own specs ({@code original/}) and
 * the same with one expectation changed ({@code broken/}), one per kind of change; accepting what
 * arrives must give the original back byte for byte. The original of {@code receives_nothing} is
 * message_chat.scs with the stanza written as the accept mode writes a whole stanza (every
 * attribute, in the order received); that of {@code placeholders} adds a capture sent back later.
 */
@Timeout(600)
class AcceptCorpusIT {
    static final Path CORPUS = Path.of("src/test/resources/accept-corpus").toAbsolutePath();
    static ProsodyServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * In process, so under the environment of the build: where CI is set, plain {@code --accept}
     * refuses to write in place (AcceptCliIT checks that), so the rewrites here ask with
     * {@code --accept=force}, which is {@code --accept} but for that refusal.
     */
    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--no-color", "--timeout", "2s", "--host", server.host(),
                "--port", Integer.toString(server.port())));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static Stream<String> kinds() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve("broken"))) {
            return files.map(p -> p.getFileName().toString().replace(".scs", "")).sorted().toList().stream();
        }
    }

    private Path copy(String kind) throws IOException {
        Path file = tmp.resolve(kind + ".scs");
        Files.copy(CORPUS.resolve("broken/" + kind + ".scs"), file);
        return file;
    }

    private static byte[] original(String kind) throws IOException {
        return Files.readAllBytes(CORPUS.resolve("original/" + kind + ".scs"));
    }

    @Test
    void theOriginalsPass() throws IOException {
        List<String> files = new ArrayList<>();
        for (String kind : kinds().toList()) files.add(CORPUS.resolve("original/" + kind + ".scs").toString());
        Run r = run(files.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains(files.size() + " passed, 0 failed"), r.toString());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void acceptingGivesTheOriginalBack(String kind) throws IOException {
        Path file = copy(kind);
        assertTrue(run(file.toString()).code() != 0, "the broken copy must fail: " + kind);
        Run r = run("--accept=force", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("in 1 script; re-run: 1 passed"), r.toString());
        assertTrue(r.out().contains("accepted: " + file + ":"), "each accepted step is listed\n" + r);
        assertEquals(new String(original(kind), StandardCharsets.UTF_8), Files.readString(file), kind);
        assertArrayEquals(original(kind), Files.readAllBytes(file), kind);
    }

    @Test
    void crlfLineEndsAreKept() throws IOException {
        Path file = tmp.resolve("value_crlf.scs");
        Files.writeString(file, Files.readString(CORPUS.resolve("broken/value.scs")).replace("\n", "\r\n"));
        Run r = run("--accept=force", file.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals(new String(original("value"), StandardCharsets.UTF_8).replace("\n", "\r\n"), Files.readString(file));
    }

    @Test
    void anUnwritableScriptIsLeftAsItWas() throws IOException {
        Path file = copy("value");
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Run r = run("--accept=force", file.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("not written: " + file + " is not writable; left as it was"), r.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aPayloadThatCannotBeRewrittenMinimallyIsLeftAsItWas() throws IOException {
        Path file = tmp.resolve("other.scs");
        String text = new String(original("value"), StandardCharsets.UTF_8);
        String iq = "Romeo receives:\n\t<iq type=\"result\" id=\"version1\" from=\"localhost\">\n\t\t<query xmlns=\"jabber:iq:version\">"
                + "\n\t\t\t<name>Prosody</name>\n\t\t\t<version/>\n\t\t\t<os/>\n\t\t</query>\n\t</iq>";
        assertTrue(text.contains(iq));
        Files.writeString(file, text.replace(iq, "Romeo receives:\n\t<message from=\"localhost\"/>"));
        byte[] before = Files.readAllBytes(file);
        Run r = run("--accept=force", file.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("not accepted: " + file + ":27:1: Romeo receives: cannot be rewritten minimally: "
                + "expected <message>, the closest stanza is <iq>"), r.toString());
        assertTrue(r.out().contains("accepted 0 steps in 0 scripts"), r.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
