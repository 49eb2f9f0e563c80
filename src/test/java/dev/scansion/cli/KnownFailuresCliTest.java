package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import dev.scansion.report.FakeServer;

/** {@code --known-failures} and {@code --strict-known-failures} on whole runs against {@link FakeServer}. */
@Timeout(60)
class KnownFailuresCliTest {
    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8).toString();
    }

    @Test
    void aKnownFailureRunsAndDoesNotFailTheGate() throws Exception {
        String bad = write("specs/bad.scs", RetriesTest.MISMATCH);
        write("specs/good.scs", RetriesTest.PASS);
        String list = write("known.txt", "# known\n" + dir.resolve("specs") + "/bad*  until 2999-01-01  upstream bug #7\n");
        Path junit = dir.resolve("junit.xml");
        Path json = dir.resolve("run.json");
        FakeServer server = new FakeServer();
        CliRunner.Run r = CliRunner.run(server, Map.of("GITHUB_ACTIONS", "true"), "--known-failures", list,
                "--junit", junit.toString(), "--json", json.toString(), dir.resolve("specs").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(2, server.requests.size(), "the known failure still runs");
        assertTrue(r.out().contains("KNOWN Echo (" + bad + ")"), r.toString());
        assertTrue(r.out().contains("known failure: upstream bug #7 (" + list + ":2)"), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed, 0 errors, 1 known ("), r.toString());
        assertEquals(List.of("::warning file=" + bad + ",line=14,col=1,title=Echo::known failure (upstream bug #7): "
                + "Romeo receives: no matching stanza within 200 ms; 1 stanza set aside"), r.annotations());
        String xml = Files.readString(junit);
        RetriesTest.validateAgainstSurefire(xml);
        Element suite = RetriesTest.parse(xml).getDocumentElement();
        assertEquals("0", suite.getAttribute("failures"), xml);
        assertEquals("1", suite.getAttribute("skipped"), xml);
        assertTrue(xml.contains("<skipped message=\"known failure: upstream bug #7\"/>"), xml);
        String report = Files.readString(json).replaceAll("\\s", "");
        assertTrue(report.contains("\"knownFailure\":{\"reason\":\"upstreambug#7\""), report);
        assertTrue(report.contains("\"failed\":true}"), report);
    }

    @Test
    void aKnownFailureThatPassesIsReportedAndFailsOnlyWhenStrict() throws Exception {
        String good = write("good.scs", RetriesTest.PASS);
        String list = write("known.txt", "good.scs fixed upstream?\nnothing-*.scs gone\n");
        CliRunner.Run lenient = CliRunner.run(new FakeServer(), Map.of(), "--known-failures", list, good);
        assertEquals(ExitCodes.OK, lenient.code(), lenient.toString());
        assertTrue(lenient.out().contains("known failure passed: remove it from " + list), lenient.toString());
        assertTrue(lenient.err().contains("warning: " + good + ": known failure passed: remove it from " + list),
                lenient.toString());
        assertTrue(lenient.err().contains("warning: " + list + ":2: the entry nothing-*.scs matches no selected script"),
                lenient.toString());
        CliRunner.Run strict = CliRunner.run(new FakeServer(), Map.of(), "--known-failures", list,
                "--strict-known-failures", good);
        assertEquals(ExitCodes.FAILED, strict.code(), strict.toString());
        assertTrue(strict.err().contains("error: " + good + ": known failure passed"), strict.toString());
    }

    @Test
    void aKnownFailureDoesNotStopAFailFastRun() throws Exception {
        write("a.scs", RetriesTest.MISMATCH);
        write("b.scs", RetriesTest.PASS);
        String list = write("known.txt", "a.scs expected\n");
        FakeServer server = new FakeServer();
        CliRunner.Run r = CliRunner.run(server, Map.of(), "--fail-fast", "--known-failures", list,
                dir.resolve("a.scs").toString(), dir.resolve("b.scs").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(2, server.requests.size(), r.toString());
    }

    @Test
    void anExpiredEntryIsAbsentAndWarnedAbout() throws Exception {
        String bad = write("bad.scs", RetriesTest.MISMATCH);
        String list = write("known.txt", "bad.scs until 2001-02-03 long ago\n");
        CliRunner.Run r = CliRunner.run(new FakeServer(), Map.of(), "--known-failures", list, bad);
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.err().contains("warning: " + list + ":1: the entry for bad.scs expired on 2001-02-03: treated as absent"),
                r.toString());
        assertFalse(r.out().contains("KNOWN"), r.toString());
    }

    @Test
    void anErrorIsNotExcused() throws Exception {
        String broken = write("broken.scs", RetriesTest.PASS.replace("Romeo connects", "Romeo dances"));
        String list = write("known.txt", "broken.scs parser says no\n");
        CliRunner.Run r = CliRunner.run(new FakeServer(), Map.of(), "--known-failures", list, broken);
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    }

    @Test
    void aMalformedFileIsAUsageErrorWithItsPlace() throws Exception {
        String good = write("good.scs", RetriesTest.PASS);
        String list = write("known.txt", "# c\n\ngood.scs until tomorrow flaky\n");
        FakeServer server = new FakeServer();
        CliRunner.Run r = CliRunner.run(server, Map.of(), "--known-failures", list, good);
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("error: --known-failures: " + list + ":3:16: expected a date YYYY-MM-DD after "
                + "until, not 'tomorrow'"), r.toString());
        assertEquals(0, server.requests.size());
        CliRunner.Run missing = CliRunner.run(server, Map.of(), "--known-failures", dir.resolve("nope.txt").toString(),
                good);
        assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("error: --known-failures: cannot read " + dir.resolve("nope.txt")),
                missing.toString());
    }
}
