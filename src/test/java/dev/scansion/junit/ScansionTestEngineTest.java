package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** The engine through EngineTestKit, with the in-memory {@link dev.scansion.report.FakeServer}: no server needed. */
@Timeout(60)
class ScansionTestEngineTest {
    static final String SCRIPTS = "dev/scansion/junit/scripts";
    static final String PASS = SCRIPTS + "/pass.scs";
    static final String FAIL = SCRIPTS + "/fail.scs";
    static final String BROKEN = "dev/scansion/junit/broken/broken.scs";

    @TempDir
    Path dir;

    static EngineTestKit.Builder kit(DiscoverySelector... selectors) {
        return EngineTestKit.engine(ScansionTestEngine.ID).selectors(selectors)
                .configurationParameter(EngineSettings.SESSION_FACTORY, "dev.scansion.report.FakeServer")
                .configurationParameter(EngineSettings.TIMEOUT, "200ms")
                .configurationParameter(EngineSettings.NOTHING_WAIT, "20ms")
                .configurationParameter(EngineSettings.PRINT_TRANSCRIPT, "never");
    }

    private static List<String> testNames(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(e -> e.getTestDescriptor().getLegacyReportingName())
                .sorted().toList();
    }

    private static TestExecutionResult finished(EngineExecutionResults results) {
        return results.testEvents().finished().stream().findFirst().orElseThrow().getRequiredPayload(
                TestExecutionResult.class);
    }

    /** {@code scansion.shard}: the shards of one selection are disjoint and together are all of it. */
    @Test
    void shardsPartitionTheDiscoveredScripts() {
        List<String> all = testNames(kit(selectClasspathResource(SCRIPTS)).execute());
        assertTrue(all.size() >= 2, all.toString());
        List<String> union = new java.util.ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            List<String> shard = testNames(kit(selectClasspathResource(SCRIPTS))
                    .configurationParameter(EngineSettings.SHARD, k + "/2").execute());
            assertFalse(shard.isEmpty(), "shard " + k + " of 2");
            union.addAll(shard);
        }
        assertEquals(all, union.stream().sorted().toList());
        assertThrows(org.junit.platform.commons.JUnitException.class, () -> kit(selectClasspathResource(SCRIPTS))
                .configurationParameter(EngineSettings.SHARD, "3/2").discover());
    }

    @Test
    void passingScript() {
        EngineExecutionResults results = kit(selectClasspathResource(PASS)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        TestDescriptor d = results.testEvents().started().stream().findFirst().orElseThrow().getTestDescriptor();
        assertEquals("Echo passes", d.getDisplayName());
        assertEquals(PASS, d.getLegacyReportingName());
        assertEquals(UniqueId.forEngine("scansion").append("resource", PASS), d.getUniqueId());
        assertEquals(ClasspathResourceSource.from(PASS, FilePosition.from(1, 1)), d.getSource().orElseThrow());
        assertEquals(Set.of(TestTag.create("smoke"), TestTag.create("status"), TestTag.create("status:stable")),
                d.getTags());
    }

    @Test
    void failingScriptPointsAtTheFailingLine() {
        EngineExecutionResults results = kit(selectClasspathResource(FAIL)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable t = finished(results).getThrowable().orElseThrow();
        assertInstanceOf(AssertionFailedError.class, t);
        String[] lines = t.getMessage().split("\n");
        assertTrue(lines[0].startsWith(FAIL + ":15:1: Romeo receives: no matching stanza within 200 ms"), lines[0]);
        assertTrue(t.getMessage().contains("expected: pong"), t.getMessage());
        assertTrue(t.getMessage().contains("received: ping"), t.getMessage());
        assertEquals(1, t.getStackTrace().length);
        assertEquals("fail.scs", t.getStackTrace()[0].getFileName());
        assertEquals(15, t.getStackTrace()[0].getLineNumber());
        TestDescriptor d = results.testEvents().failed().stream().findFirst().orElseThrow().getTestDescriptor();
        assertEquals(FilePosition.from(1, 1), ((ClasspathResourceSource) d.getSource().orElseThrow()).getPosition()
                .orElseThrow());
    }

    @Test
    void unparsableScriptIsADiscoveryIssueAtItsPosition() {
        List<DiscoveryIssue> issues = kit(selectClasspathResource(BROKEN)).discover().getDiscoveryIssues();
        assertEquals(1, issues.size(), issues.toString());
        DiscoveryIssue issue = issues.get(0);
        assertEquals(DiscoveryIssue.Severity.ERROR, issue.severity());
        assertTrue(issue.message().startsWith(BROKEN + " does not parse, so it is not run (1 error):"), issue.message());
        assertTrue(issue.message().contains("--> " + BROKEN + ":10:"), issue.message());
        ClasspathResourceSource source = (ClasspathResourceSource) issue.source().orElseThrow();
        assertEquals(BROKEN, source.getClasspathResourceName());
        assertEquals(10, source.getPosition().orElseThrow().getLine());
        assertTrue(source.getPosition().orElseThrow().getColumn().isPresent());
    }

    @Test
    void anUnparsableScriptFailsTheEngineInsteadOfVanishing() {
        EngineExecutionResults results = kit(selectClasspathResource(PASS), selectClasspathResource(BROKEN)).execute();
        Event engineFinished = results.containerEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getUniqueId().toString().equals("[engine:scansion]"))
                .findFirst().orElseThrow();
        TestExecutionResult r = engineFinished.getRequiredPayload(TestExecutionResult.class);
        assertEquals(TestExecutionResult.Status.FAILED, r.getStatus());
        assertTrue(r.getThrowable().orElseThrow().getMessage().contains("broken.scs"),
                r.getThrowable().orElseThrow().getMessage());
    }

    @Test
    void folderResourceSelectsEveryScriptBelowIt() {
        EngineExecutionResults results = kit(selectClasspathResource(SCRIPTS)).execute();
        assertEquals(List.of(FAIL, SCRIPTS + "/more/wip.scs", PASS), testNames(results));
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    }

    @Test
    void packageSelectsTheScriptsInItsResourceFolder() {
        EngineExecutionResults results = kit(selectPackage("dev.scansion.junit.scripts")).execute();
        assertEquals(List.of(FAIL, SCRIPTS + "/more/wip.scs", PASS), testNames(results));
    }

    @Test
    void tagFiltering() {
        EngineExecutionResults smoke = kit(selectClasspathResource(SCRIPTS))
                .filters(TagFilter.includeTags("smoke")).execute();
        assertEquals(List.of(FAIL, PASS), testNames(smoke));
        EngineExecutionResults stable = kit(selectClasspathResource(SCRIPTS))
                .filters(TagFilter.includeTags("status:stable")).execute();
        assertEquals(List.of(PASS), testNames(stable));
        EngineExecutionResults notWip = kit(selectClasspathResource(SCRIPTS))
                .filters(TagFilter.excludeTags("status:work_in_progress")).execute();
        assertEquals(List.of(FAIL, PASS), testNames(notWip));
        EngineExecutionResults byName = kit(selectClasspathResource(SCRIPTS))
                .filters(TagFilter.includeTags("status & !smoke")).execute();
        assertEquals(List.of(SCRIPTS + "/more/wip.scs"), testNames(byName));
    }

    @Test
    void filesDirectoriesAndClasspathRoots() throws Exception {
        Path a = dir.resolve("a.scs");
        Path b = dir.resolve("sub/b.scs");
        Files.createDirectories(b.getParent());
        String text = new String(getClass().getClassLoader().getResourceAsStream(PASS).readAllBytes());
        Files.writeString(a, text);
        Files.writeString(b, text);
        Files.writeString(dir.resolve("notes.txt"), "not a script");

        EngineExecutionResults file = kit(selectFile(a.toFile())).execute();
        file.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        TestDescriptor d = file.testEvents().started().stream().findFirst().orElseThrow().getTestDescriptor();
        assertEquals(FileSource.from(a.toFile(), FilePosition.from(1, 1)), d.getSource().orElseThrow());
        assertEquals(UniqueId.forEngine("scansion").append("file", a.toAbsolutePath().normalize().toString()),
                d.getUniqueId());

        kit(selectDirectory(dir.toFile())).execute().testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        EngineExecutionResults root = kit(selectClasspathRoots(Set.of(dir)).toArray(DiscoverySelector[]::new)).execute();
        assertEquals(List.of("a.scs", "sub/b.scs"), testNames(root));
        // the same file selected twice is one test
        kit(selectFile(a.toFile()), selectDirectory(dir.toFile())).execute().testEvents()
                .assertStatistics(s -> s.started(2));
    }

    @Test
    void uniqueIdSelectsOneScript() {
        EngineExecutionResults results = kit(selectUniqueId(UniqueId.forEngine("scansion").append("resource", PASS))).execute();
        assertEquals(List.of(PASS), testNames(results));
        EngineExecutionResults other = kit(selectUniqueId(UniqueId.forEngine("junit-jupiter").append("resource", PASS))).execute();
        assertEquals(List.of(), testNames(other));
    }

    @Test
    void unreachableServerIsAnErrorNotAnAssertion() {
        EngineExecutionResults results = kit(selectClasspathResource(PASS))
                .configurationParameter(EngineSettings.PORT, "1").execute();
        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable t = finished(results).getThrowable().orElseThrow();
        assertInstanceOf(ScriptError.class, t);
        assertTrue(t.getMessage().startsWith(PASS + ":11:1: Romeo connects: cannot connect to"), t.getMessage());
    }

    @Test
    void badConfigurationStopsTheEngineNamingTheKey() {
        EngineExecutionResults results = kit(selectClasspathResource(PASS))
                .configurationParameter(EngineSettings.RECEIVE_MODE, "sometimes").execute();
        Throwable t = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        while (t.getCause() != null) t = t.getCause();
        assertEquals("configuration parameter scansion.receive-mode: expected one of skip, next, not 'sometimes'",
                t.getMessage());
    }

    @Test
    void transcriptsDirectoryGetsOneMaskedFilePerScript() throws Exception {
        Path out = dir.resolve("transcripts");
        kit(selectClasspathResource(SCRIPTS)).configurationParameter(EngineSettings.TRANSCRIPTS, out.toString())
                .execute();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> list = files.sorted().toList();
            assertEquals(List.of("dev_scansion_junit_scripts_fail.txt", "dev_scansion_junit_scripts_more_wip.txt",
                    "dev_scansion_junit_scripts_pass.txt"),
                    list.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
            String pass = Files.readString(out.resolve("dev_scansion_junit_scripts_pass.txt"));
            assertTrue(pass.contains("Romeo sent\n  <message type=\"chat\"><body>ping</body></message>"), pass);
            assertTrue(pass.contains("Romeo received\n  <message type=\"chat\"><body>ping</body></message>"), pass);
            for (Path p : list) assertFalse(Files.readString(p).contains("pw-romeo"), p.toString());
        }
    }

    @Test
    void transcriptsOfFailedScriptsGoToStandardOutput() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            kit(selectClasspathResource(PASS), selectClasspathResource(FAIL))
                    .configurationParameter(EngineSettings.PRINT_TRANSCRIPT, "failed").execute();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("# script:  " + FAIL + "\n"), out);
        assertTrue(out.contains("Romeo received\n  <message type=\"chat\"><body>ping</body></message>"), out);
        assertFalse(out.contains("# script:  " + PASS), "a passing script prints nothing");
    }

    @Test
    void passwordsAreMaskedInFailureMessages() {
        EngineExecutionResults results = kit(selectClasspathResource("dev/scansion/junit/secret/leak.scs")).execute();
        String message = finished(results).getThrowable().orElseThrow().getMessage();
        assertTrue(message.contains("received: my password is ******"), message);
        assertFalse(message.contains("hunter2-secret"), message);
    }

    @Test
    void aMissingScriptIsAnErrorAnEmptyFolderOnlyANote() {
        List<DiscoveryIssue> missing = kit(selectClasspathResource(SCRIPTS + "/typo.scs")).discover().getDiscoveryIssues();
        assertEquals(1, missing.size());
        assertEquals(DiscoveryIssue.Severity.ERROR, missing.get(0).severity());
        assertEquals("classpath resource " + SCRIPTS + "/typo.scs not found: no such script", missing.get(0).message());
        List<DiscoveryIssue> empty = kit(selectClasspathResource("META-INF")).discover().getDiscoveryIssues();
        assertEquals(List.of(DiscoveryIssue.Severity.INFO), empty.stream().map(DiscoveryIssue::severity).toList());
    }
}
