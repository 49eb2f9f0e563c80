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

    /** Many attributes on one element: each keeps its own position, a late duplicate is still found. */
    @Test
    void manyAttributesOnOneElement() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 9_000; i++) attrs.append(" a").append(i).append("='v").append(i).append('\'');
        String line = "\t<message" + attrs;
        ParseResult r = ScriptParser.parse("attrs.scs", HEAD + "Romeo sends:\n" + line + "/>\n");
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        Step.Send send = (Step.Send) r.script().orElseThrow().steps().get(0);
        var last = send.payload().get(0).attributes().get(8_999);
        assertEquals("a8999", last.localName());
        assertEquals(line.lastIndexOf(" a8999=") + 2, last.pos().column());

        ParseResult dup = ScriptParser.parse("attrs.scs", HEAD + "Romeo sends:\n" + line + " a17='again'/>\n");
        assertEquals("attrs.scs:8:" + (line.length() + 2) + ": error: duplicate attribute 'a17' on <message>",
                dup.errors().get(0).oneLine());
    }

    @Test
    void moreAttributesThanTheXmlParserAcceptsIsAClearError() {
        String attrs = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> " a" + i + "='v'")
                .collect(java.util.stream.Collectors.joining());
        ParseResult r = ScriptParser.parse("attrs.scs", HEAD + "Romeo sends:\n\t<message" + attrs + "/>\n");
        assertEquals("malformed XML: element <message> has more than 10,000 attributes (the XML parser's limit)",
                r.errors().get(0).message());
    }
}
