package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.scansion.report.FakeServer;
import picocli.CommandLine;

/** {@code merge-reports}: the shards' reports merged equal an unsharded run's. */
@Timeout(120)
class MergeReportsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void suite() throws IOException {
        Files.createDirectories(dir.resolve("specs/a"));
        Files.createDirectories(dir.resolve("specs/b"));
        for (int i = 0; i < 7; i++) {
            String text = i % 3 == 1 ? RetriesTest.MISMATCH : RetriesTest.PASS;
            Files.writeString(dir.resolve("specs/" + (i % 2 == 0 ? "a" : "b") + "/s" + i + ".scs"), text,
                    StandardCharsets.UTF_8);
        }
    }

    private static Run merge(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new ScansionCommand()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("merge-reports"));
        all.addAll(List.of(args));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
    }

    private void runShard(String name, String... shard) {
        List<String> args = new ArrayList<>(List.of(shard));
        args.addAll(List.of("--json", dir.resolve(name + ".json").toString(), "--junit",
                dir.resolve(name + ".xml").toString(), dir.resolve("specs").toString()));
        CliRunner.Run r = CliRunner.run(new FakeServer(), Map.of(), args.toArray(String[]::new));
        assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.FAILED, r.toString());
    }

    private static String counts(String json) {
        Matcher m = Pattern.compile("\"counts\":\\s*(\\{[^}]*\\})").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1).replaceAll("\\s", "");
    }

    private static List<String> paths(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"path\":\\s*\"([^\"]*)\"").matcher(json);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void mergedShardReportsEqualAnUnshardedRun() throws Exception {
        runShard("all");
        for (int k = 1; k <= 3; k++) runShard("s" + k, "--shard", k + "/3");
        Run json = merge(dir.resolve("merged.json").toString(), dir.resolve("s3.json").toString(),
                dir.resolve("s1.json").toString(), dir.resolve("s2.json").toString());
        assertEquals(ExitCodes.OK, json.code(), json.err());
        assertTrue(json.out().contains("merged 3 JSON reports into"), json.out());
        String whole = Files.readString(dir.resolve("all.json"));
        String merged = Files.readString(dir.resolve("merged.json"));
        assertEquals(counts(whole), counts(merged));
        assertEquals(paths(whole), paths(merged), "the unsharded order: by path");
        assertTrue(merged.replaceAll("\\s", "").contains("\"verdict\":\"failed\""), merged);

        Run xml = merge(dir.resolve("merged.xml").toString(), dir.resolve("s2.xml").toString(),
                dir.resolve("s3.xml").toString(), dir.resolve("s1.xml").toString());
        assertEquals(ExitCodes.OK, xml.code(), xml.err());
        String mergedXml = Files.readString(dir.resolve("merged.xml"));
        RetriesTest.validateAgainstSurefire(mergedXml);
        Element a = RetriesTest.parse(Files.readString(dir.resolve("all.xml"))).getDocumentElement();
        Element b = RetriesTest.parse(mergedXml).getDocumentElement();
        for (String count : List.of("tests", "failures", "errors", "skipped")) {
            assertEquals(a.getAttribute(count), b.getAttribute(count), count);
        }
        assertEquals(names(a), names(b));
    }

    private static List<String> names(Element suite) {
        List<String> out = new ArrayList<>();
        NodeList l = suite.getElementsByTagName("testcase");
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            out.add(e.getAttribute("classname") + "#" + e.getAttribute("name") + "#"
                    + (e.getElementsByTagName("failure").getLength() > 0));
        }
        return out;
    }

    @Test
    void mixingFormatsOrAnUnreadableInputIsAUsageError() throws Exception {
        runShard("s1", "--shard", "1/2");
        Run mixed = merge(dir.resolve("m.json").toString(), dir.resolve("s1.json").toString(),
                dir.resolve("s1.xml").toString());
        assertEquals(ExitCodes.USAGE, mixed.code());
        assertTrue(mixed.err().contains("error: cannot mix JSON and JUnit XML reports"), mixed.err());
        Run wrongOut = merge(dir.resolve("m.json").toString(), dir.resolve("s1.xml").toString());
        assertEquals(ExitCodes.USAGE, wrongOut.code());
        assertTrue(wrongOut.err().contains("the inputs are JUnit XML reports"), wrongOut.err());
        Path notOurs = Files.writeString(dir.resolve("x.json"), "[1, 2]");
        Run bad = merge(dir.resolve("m.json").toString(), notOurs.toString());
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("not a scansion JSON report"), bad.err());
        assertTrue(Files.notExists(dir.resolve("m.json")));
    }
}
