package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** The CI gate's settings in the engine: known failures, retries, fail-fast. */
@Timeout(60)
class EngineCiTest {
    @TempDir
    Path dir;

    private static org.junit.platform.engine.ConfigurationParameters params(String key, String value) {
        return new org.junit.platform.engine.ConfigurationParameters() {
            @Override
            public java.util.Optional<String> get(String k) {
                return k.equals(key) ? java.util.Optional.of(value) : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<Boolean> getBoolean(String k) {
                return get(k).map(Boolean::parseBoolean);
            }

            @Override
            @SuppressWarnings("deprecation")
            public int size() {
                return 1;
            }

            @Override
            public java.util.Set<String> keySet() {
                return java.util.Set.of(key);
            }
        };
    }

    private static TestExecutionResult only(EngineExecutionResults results) {
        List<TestExecutionResult> r = results.testEvents().finished().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)).toList();
        assertEquals(1, r.size(), r.toString());
        return r.get(0);
    }

    private String known(String text) throws IOException {
        return Files.writeString(dir.resolve("known.txt"), text).toString();
    }

    @Test
    void aKnownFailureIsAbortedWithItsReason() throws Exception {
        TestExecutionResult r = only(ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.FAIL))
                .configurationParameter(CiSettings.KNOWN_FAILURES, known("fail.scs server bug #9\n")).execute());
        assertEquals(TestExecutionResult.Status.ABORTED, r.getStatus());
        assertTrue(r.getThrowable().orElseThrow().getMessage().startsWith("known failure: server bug #9 ("),
                r.getThrowable().orElseThrow().getMessage());
    }

    /** As the CLI: after a script found the server unreachable, the others are not run (no connect timeout each). */
    @Test
    void afterAnUnreachableServerTheOtherScriptsAreNotRun() {
        UnreachableServer.CONNECTS.set(0);
        var events = ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.SCRIPTS))
                .configurationParameter(EngineSettings.SESSION_FACTORY, UnreachableServer.class.getName())
                .execute().testEvents();
        List<TestExecutionResult> results = events.finished().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class)).toList();
        assertTrue(results.size() > 2, results.toString());
        assertEquals(1, UnreachableServer.CONNECTS.get(), "only the first script tried to connect");
        assertEquals(1, results.stream().filter(r -> r.getStatus() == TestExecutionResult.Status.FAILED).count());
        assertTrue(results.stream().filter(r -> r.getStatus() == TestExecutionResult.Status.ABORTED)
                .allMatch(r -> r.getThrowable().orElseThrow().getMessage().startsWith("not run: ")), results.toString());
        assertEquals(results.size() - 1, results.stream()
                .filter(r -> r.getStatus() == TestExecutionResult.Status.ABORTED).count(), results.toString());
    }

    @Test
    void anEntryThatNamedNoScriptIsWarnedAboutWhenTheEngineEnds() throws Exception {
        String list = known("fail.scs server bug #9\ngone.scs removed long ago\n");
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.FAIL))
                    .configurationParameter(CiSettings.KNOWN_FAILURES, list).execute();
        } finally {
            System.setErr(saved);
        }
        String warnings = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(warnings.contains("scansion: warning: " + list + ":2: the entry gone.scs matches no selected script"),
                warnings);
        assertTrue(!warnings.contains("the entry fail.scs"), warnings);
    }

    @Test
    void aKnownFailureThatPassesFailsOnlyWhenStrict() throws Exception {
        String list = known("pass.scs server bug #9\n");
        var kit = ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.PASS))
                .configurationParameter(CiSettings.KNOWN_FAILURES, list);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, only(kit.execute()).getStatus());
        TestExecutionResult strict = only(kit.configurationParameter(CiSettings.STRICT_KNOWN_FAILURES, "true").execute());
        assertEquals(TestExecutionResult.Status.FAILED, strict.getStatus());
        assertTrue(strict.getThrowable().orElseThrow().getMessage().contains("known failure passed: remove it from "
                + list), strict.toString());
    }

    @Test
    void aScriptIsRetriedAndAFlakyOneFailsOnlyWithFailOnFlaky() {
        EngineTestKit.Builder kit = ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.PASS))
                .configurationParameter(EngineSettings.SESSION_FACTORY, MutedFirstServer.class.getName());
        MutedFirstServer.reset();
        assertEquals(TestExecutionResult.Status.FAILED, only(kit.execute()).getStatus(), "no retries: the mute attempt");
        MutedFirstServer.reset();
        kit.configurationParameter(CiSettings.RETRIES, "1");
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, only(kit.execute()).getStatus());
        assertEquals(2, MutedFirstServer.connects());
        MutedFirstServer.reset();
        TestExecutionResult flaky = only(kit.configurationParameter(CiSettings.FAIL_ON_FLAKY, "true").execute());
        assertInstanceOf(AssertionFailedError.class, flaky.getThrowable().orElseThrow());
        assertTrue(flaky.getThrowable().get().getMessage().contains("flaky: passed on attempt 2 of 2"), flaky.toString());
    }

    private static List<String> abortedByFailFast(EngineExecutionResults results) {
        return results.testEvents().aborted().stream().filter(e -> e.getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage().startsWith("not run: fail-fast, after "))
                .map(e -> e.getTestDescriptor().getLegacyReportingName()).toList();
    }

    @Test
    void failFastAbortsTheScriptsAfterTheFirstFailure() {
        EngineExecutionResults plain = ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.SCRIPTS))
                .execute();
        assertEquals(List.of(), abortedByFailFast(plain));
        EngineExecutionResults results = ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.SCRIPTS))
                .configurationParameter(CiSettings.FAIL_FAST, "true").execute();
        assertEquals(1, results.testEvents().failed().count(), results.testEvents().toString());
        assertEquals(0, results.testEvents().succeeded().count(), "fail.scs runs first; nothing after it runs");
        assertEquals(plain.testEvents().finished().count() - 1, abortedByFailFast(results).size(),
                abortedByFailFast(results).toString());
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        String list = known("pass.scs until soon x\n");
        JUnitException e = assertThrows(JUnitException.class, () -> EngineSettings.from(
                params(CiSettings.KNOWN_FAILURES, list)));
        assertTrue(e.getMessage().startsWith("configuration parameter scansion.known-failures: " + list + ":1:16: expected a date"),
                e.getMessage());
        JUnitException retries = assertThrows(JUnitException.class, () -> EngineSettings.from(
                params(CiSettings.RETRIES, "many")));
        assertEquals("configuration parameter scansion.retries: expected a whole number, not 'many'", retries.getMessage());
    }
}
