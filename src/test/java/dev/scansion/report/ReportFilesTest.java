package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.exec.RunConfig;
import dev.scansion.exec.RunListener;
import dev.scansion.exec.ScriptRunner;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.script.SecretMask;

/** A known run through the real runner against {@link FakeServer}, written in every format. */
@Timeout(60)
class ReportFilesTest {
    static final String PASSWORD = "s3cr3t-pw";
    static final String OTHER_PASSWORD = "jul-pw-42";
    static final String CHAT = """
            # Echo chat
            ## chat

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: s3cr3t-pw

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: jul-pw-42

            -----

            Romeo connects

            Juliet connects

            Romeo sends:
            \t<message to="juliet@localhost" type="chat"><body>my password is s3cr3t-pw</body></message>

            Juliet receives:
            \t<message from="${Romeo's full JID}" type="chat"><body>my password is s3cr3t-pw</body></message>

            Juliet sends:
            \t<iq type="get" id="ping1" secret="jul-pw-42"><ping xmlns="urn:xmpp:ping"/></iq>

            Juliet receives:
            \t<iq type="get" id="ping1"/>

            Romeo disconnects
            """;
    static final String WRONG = """
            # Wrong reply

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: s3cr3t-pw

            -----

            Romeo connects

            Romeo sends:
            \t<message type="chat"><body>hello</body></message>

            Romeo receives:
            \t<message type="chat"><body>goodbye</body></message>

            Romeo disconnects
            """;

    @TempDir
    Path dir;
    Path specs;
    Path out;
    FakeServer server;
    RunResult run;

    @BeforeEach
    void run() throws IOException {
        specs = dir.resolve("specs");
        write("chat/echo.scs", CHAT);
        write("chat_echo.scs", CHAT);
        write("wrong.scs", WRONG);
        write("zz_broken.scs", "[Client] Romeo\n\tjid: romeo@localhost\n-----\nRomeo shouts\n");
        server = new FakeServer();
        RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(300))
                .withNothingWait(Duration.ofMillis(50));
        run = new ScriptRunner(config, server, RunListener.NONE).run(List.of(specs));
        out = dir.resolve("out");
        ReportFiles files = new ReportFiles(Optional.of(out.resolve("junit.xml")), Optional.of(out.resolve("run.json")),
                Optional.of(out.resolve("transcripts")));
        assertEquals(List.of(), files.writeAll(run, ReportFixtures.INFO));
    }

    private void write(String name, String text) throws IOException {
        Path p = specs.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<Path> transcripts() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("transcripts"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void theRunIsWhatTheTestExpects() {
        assertEquals(List.of(ScriptStatus.PASSED, ScriptStatus.PASSED, ScriptStatus.FAILED, ScriptStatus.ERROR),
                run.scripts().stream().map(s -> s.status()).toList());
    }

    @Test
    void oneTranscriptPerScriptThatRanWithUniqueNames() throws IOException {
        List<String> names = transcripts().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(3, names.size(), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("specs_chat_echo.txt")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("specs_chat_echo-2.txt")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("specs_wrong.txt")), names.toString());
    }

    @Test
    void transcriptHasEveryStanzaInOrderMaskedAndTimestamped() throws IOException {
        Path echo = transcripts().stream().filter(p -> p.toString().endsWith("specs_chat_echo.txt")).findFirst()
                .orElseThrow();
        String text = Files.readString(echo);
        // what the fake server saw for the first script, in order
        List<String> expected = new ArrayList<>();
        for (String line : server.log.subList(0, 4)) {
            String[] parts = line.split(" ", 3);
            expected.add(parts[0] + " " + (parts[1].equals("sent") ? "sent" : "received") + "\n  "
                    + parts[2].replace(PASSWORD, SecretMask.MASK).replace(OTHER_PASSWORD, SecretMask.MASK));
        }
        Matcher m = Pattern.compile("\\+(\\d+) ms  (\\S+Z)  (\\w+ (?:sent|received)\n  [^\n]*)").matcher(text);
        List<String> found = new ArrayList<>();
        long last = -1;
        while (m.find()) {
            found.add(m.group(3));
            long ms = Long.parseLong(m.group(1));
            assertTrue(ms >= last, "relative times never go back");
            last = ms;
            assertTrue(m.group(2).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), m.group(2));
        }
        assertEquals(expected, found);
        assertTrue(text.contains("<body>my password is ******</body>"), text);
        assertTrue(text.contains("secret=\"******\""), text);
        assertTrue(text.startsWith("# scansion transcript\n# script:  "), text);
        assertTrue(text.contains("# title:   Echo chat\n"), text);
        assertTrue(text.contains("# status:  passed\n"), text);
        assertTrue(text.contains("# actors:  Romeo (1 sent, 0 received), Juliet (1 sent, 2 received)\n"), text);
    }

    @Test
    void noPasswordInAnyReportFile() throws IOException {
        List<Path> all = new ArrayList<>(transcripts());
        all.add(out.resolve("junit.xml"));
        all.add(out.resolve("run.json"));
        for (Path p : all) {
            String text = Files.readString(p);
            assertFalse(text.contains(PASSWORD), p + " holds a password");
            assertFalse(text.contains(OTHER_PASSWORD), p + " holds a password");
        }
        assertTrue(server.requests.stream().anyMatch(r -> r.password().equals(PASSWORD)), "the test used them");
    }

    @Test
    void failedScriptInAllFormats() throws Exception {
        String xml = Files.readString(out.resolve("junit.xml"));
        JUnitXmlReporterTest.validate(xml);
        assertTrue(xml.contains("<failure message=\"" + specs.resolve("wrong.scs") + ":14:1: Romeo receives: "), xml);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonTree.parse(Files.readString(out.resolve("run.json")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scripts = (List<Map<String, Object>>) json.get("scripts");
        Map<String, Object> wrong = scripts.get(2);
        assertEquals("failed", wrong.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> failure = (Map<String, Object>) wrong.get("failure");
        assertEquals("mismatch", failure.get("kind"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diffs = (List<Map<String, Object>>) failure.get("differences");
        assertEquals("goodbye", diffs.get(0).get("expected"));
        assertEquals("hello", diffs.get(0).get("received"));
        assertEquals(List.of("<message type=\"chat\"><body>hello</body></message>"), failure.get("setAside"));
        assertEquals("error", scripts.get(3).get("status"));
    }

    @Test
    void unwritableTargetsAreReportedNotThrown() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        ReportFiles files = new ReportFiles(Optional.of(blocker.resolve("junit.xml")), Optional.of(dir),
                Optional.of(blocker));
        List<String> errors = files.writeAll(run, ReportFixtures.INFO);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("cannot write --junit " + blocker.resolve("junit.xml") + ": "), errors.get(0));
        assertTrue(errors.get(1).startsWith("cannot write --json " + dir + ": "), errors.get(1));
        assertTrue(errors.get(2).startsWith("cannot write --transcripts " + blocker + ": "), errors.get(2));
    }
}
