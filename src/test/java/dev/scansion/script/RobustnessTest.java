package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.script.ast.Step;

/** Hostile inputs finish with a clean diagnostic (or parse), never an exception or a hang. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RobustnessTest {
    private static final String HEAD = ScriptParserTest.HEAD;

    @Test
    void tenMegabytesOfRandomBytes(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        Path f = dir.resolve("random.scs");
        Files.write(f, bytes);
        ParseResult r = ScriptParser.parse(f);
        assertFalse(r.ok());
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.errors().get(0).message().startsWith("not a UTF-8 text file"));
    }

    @Test
    void tenMegabytesOfRandomText() {
        Random random = new Random(7);
        StringBuilder sb = new StringBuilder(10 * 1024 * 1024);
        while (sb.length() < 10 * 1024 * 1024) sb.append((char) (random.nextInt(0x7e - 0x09) + 0x09));
        ParseResult r = ScriptParser.parse("noise.scs", sb.toString());
        assertFalse(r.ok());
        assertTrue(r.diagnostics().size() <= ParseOptions.DEFAULT_MAX_ERRORS + 1);
        r.diagnostics().forEach(Diagnostic::render);
    }

    @Test
    void oneHundredThousandBlankLines() {
        String blanks = "\n".repeat(100_000);
        ParseResult onlyBlank = ScriptParser.parse("blank.scs", blanks);
        assertEquals("blank.scs:1:1: error: empty script", onlyBlank.errors().get(0).oneLine());

        String text = HEAD + "Romeo connects\n" + blanks + "Romeo sends:\n\t<presence>\n" + blanks + "\t</presence>\n"
                + blanks + "Romeo disconnects\n";
        ParseResult r = ScriptParser.parse("spaced.scs", text);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        assertEquals(3, r.script().orElseThrow().steps().size());
        Step.Send send = (Step.Send) r.script().orElseThrow().steps().get(1);
        assertEquals(100_009, send.payload().get(0).pos().line());
    }

    @Test
    void fiveThousandDeepNestingIsRejectedCleanly() {
        String text = HEAD + "Romeo sends:\n" + "\t<a>\n".repeat(5000) + "\t</a>\n".repeat(5000);
        ParseResult r = ScriptParser.parse("deep.scs", text);
        assertFalse(r.ok());
        assertEquals("deep.scs:" + (7 + ParseOptions.DEFAULT_MAX_DEPTH + 1) + ":2: error: payload is nested too deeply",
                r.errors().get(0).oneLine());
    }

    /** At the depth limit, recursive walks still fit in a small (256 KiB) thread stack. */
    @Test
    void nestingUpToTheLimitParsesAndWalksInASmallStack() throws InterruptedException {
        int depth = ParseOptions.DEFAULT_MAX_DEPTH;
        String text = HEAD + "Romeo sends:\n" + "\t<a>".repeat(depth) + "\n" + "\t</a>".repeat(depth) + "\n";
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                ParseResult r = ScriptParser.parse("limit.scs", text);
                assertTrue(r.ok(), () -> r.diagnostics().toString());
                ScriptDump.dump(r.script().orElseThrow());
                Step.Send send = (Step.Send) r.script().orElseThrow().steps().get(0);
                PayloadWriter.write(send.payload().get(0), PayloadWriterTest.bindings(java.util.Map.of()));
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) throw new AssertionError(failure[0]);
    }

    @Test
    void unterminatedPayloadPointsAtTheOpenElement() {
        String text = HEAD + "Romeo sends:\n\t<message>\n\t\t<body>never ends";
        ParseResult r = ScriptParser.parse("open.scs", text);
        assertEquals("open.scs:9:3: error: element <body> is never closed", r.errors().get(0).oneLine());
        String unterminatedTag = HEAD + "Romeo sends:\n\t<message type='chat'\n";
        assertEquals("open.scs:8:2: error: start tag <message> is not closed with '>'",
                ScriptParser.parse("open.scs", unterminatedTag).errors().get(0).oneLine());
        String unterminatedComment = HEAD + "Romeo sends:\n\t<presence/>\n\t<!-- forever\n";
        assertEquals("open.scs:9:2: error: comment is never closed",
                ScriptParser.parse("open.scs", unterminatedComment).errors().get(0).oneLine());
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String text = HEAD + "Romeo sends:\n\t<message><body>&xxe;</body></message>\n";
        ParseResult r = ScriptParser.parse("xxe.scs", text);
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).message().contains("xxe"), r.errors().get(0).message());
    }
}
