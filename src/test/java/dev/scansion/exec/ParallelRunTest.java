package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptOutcome;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;

/** {@code --jobs}: several scripts in flight, with the real parser and matcher and a thread-safe fake server. */
@Timeout(60)
class ParallelRunTest {
    @TempDir
    Path dir;

    private TimedSessions server;
    private final List<String> finishedOrder = new CopyOnWriteArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void scriptFinished(ScriptResult result) {
            finishedOrder.add(Path.of(result.file()).getFileName().toString());
        }
    };

    @AfterEach
    void stopServer() {
        if (server != null) server.close();
    }

    /** Script {@code name}: actor {@code name} pings once (id {@code fail...} gets an error) and disconnects. */
    private static String ping(String name, String id, boolean serial) {
        return "# " + name + "\n" + (serial ? "## serial\n" : "") + "\n[Client] " + name + "\n\tjid: " + name
                + "@localhost\n\tpassword: secret\n\n-----\n\n" + name + " connects\n\n" + name + " sends:\n"
                + "\t<iq type='get' id='" + id + "' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>\n\n" + name
                + " receives:\n\t<iq type='result' id='" + id + "' from='localhost'/>\n\n" + name + " disconnects\n";
    }

    private List<Path> suite(int count, String serialName, String failName) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("s%02d", i);
            Path p = dir.resolve(name + ".scs");
            Files.writeString(p, ping(name, name.equals(failName) ? "fail" + i : "p" + i, name.equals(serialName)));
            files.add(p);
        }
        return files;
    }

    private RunResult run(int jobs, List<Path> files, ToLongFunction<String> hold, RunConfig base) {
        server = new TimedSessions(hold);
        RunConfig config = base.withJobs(jobs).withReceiveTimeout(Duration.ofSeconds(20)).withSettle(Duration.ZERO);
        return new ScriptRunner(config, server, listener).run(files);
    }

    private static List<String> names(RunResult r) {
        return r.scripts().stream().map(s -> Path.of(s.file()).getFileName().toString()).toList();
    }

    @Test
    void resultsKeepTheInputOrderWhenScriptsEndInAnother() throws IOException {
        List<Path> files = suite(6, "", "");
        // s01 is answered a second later than the others: it ends last.
        RunResult r = run(3, files, actor -> actor.equals("s01") ? 1000 : 0, RunConfig.defaults());
        assertEquals(RunResult.Verdict.PASSED, r.verdict(), () -> r.scripts().toString());
        assertEquals(List.of("s01.scs", "s02.scs", "s03.scs", "s04.scs", "s05.scs", "s06.scs"), names(r));
        assertEquals("s01.scs", finishedOrder.get(5), "s01 ended last: " + finishedOrder);
    }

    @Test
    void neverMoreThanJobsInFlight() throws IOException {
        RunResult r = run(3, suite(9, "", ""), actor -> 20, RunConfig.defaults());
        assertEquals(9, r.passed());
        assertEquals(3, server.mostOpen.get());
    }

    @Test
    void aSerialScriptHasNoOtherScriptInFlight() throws IOException {
        RunResult r = run(4, suite(10, "s04", ""), actor -> 30, RunConfig.defaults());
        assertEquals(10, r.passed(), () -> r.scripts().toString());
        TimedSessions.Interval serial = server.intervals.stream().filter(i -> i.actor().equals("s04"))
                .findFirst().orElseThrow();
        for (TimedSessions.Interval other : server.intervals) {
            if (other != serial) assertFalse(other.overlaps(serial), other + " overlaps " + serial);
        }
        assertTrue(server.mostOpen.get() > 1, "the other scripts did run together");
    }

    @Test
    void failFastStopsNewStartsAndTheScriptsInFlightFinish() throws IOException {
        // s01 fails at once; s02 is in flight with it and passes; nothing after starts.
        RunResult r = run(2, suite(6, "", "s01"), actor -> actor.equals("s01") ? 0 : 200,
                RunConfig.defaults().withFailFast(true).withReceiveMode(ReceiveMode.NEXT));
        assertEquals(List.of(ScriptStatus.FAILED, ScriptStatus.PASSED, ScriptStatus.SKIPPED, ScriptStatus.SKIPPED,
                ScriptStatus.SKIPPED, ScriptStatus.SKIPPED), r.scripts().stream().map(ScriptResult::status).toList());
        assertTrue(r.scripts().get(2).outcome() instanceof ScriptOutcome.NotRun n && n.reason().contains("fail-fast"),
                r.scripts().get(2).outcome().toString());
        assertEquals(2, server.connects.size(), "only the two in flight connected: " + server.connects.keySet());
        assertEquals(RunResult.Verdict.FAILED, r.verdict());
    }

    @Test
    void cancelInterruptsEveryScriptInFlightAndStartsNoMore() throws Exception {
        List<Path> files = suite(8, "", "");
        server = new TimedSessions(actor -> -1); // never answered: each script waits in its receives
        RunConfig config = RunConfig.defaults().withJobs(4).withReceiveTimeout(Duration.ofSeconds(30))
                .withSettle(Duration.ZERO);
        ScriptRunner runner = new ScriptRunner(config, server, listener);
        List<RunResult> result = new CopyOnWriteArrayList<>();
        Thread caller = new Thread(() -> result.add(runner.run(files)));
        caller.start();
        while (server.open.get() < 4) Thread.onSpinWait();
        runner.cancel();
        caller.join(10_000);
        assertFalse(caller.isAlive(), "the run ended after the cancel");
        RunResult r = result.get(0);
        assertEquals(List.of("s01.scs", "s02.scs", "s03.scs", "s04.scs"), names(r), "never-started files are left out");
        r.scripts().forEach(s -> assertEquals(ScriptStatus.INTERRUPTED, s.status(), s.toString()));
        assertEquals(4, server.connects.size());
        assertEquals(0, server.open.get(), "every session was closed");
        assertNoJobThreads();
    }

    @Test
    void theJobThreadsEndWithTheRun() throws Exception {
        RunResult r = run(4, suite(8, "", ""), actor -> 5, RunConfig.defaults());
        assertEquals(8, r.passed());
        assertNoJobThreads();
    }

    @Test
    void oneJobRunsOnTheCallingThread() throws IOException {
        List<String> threads = new CopyOnWriteArrayList<>();
        server = new TimedSessions(actor -> 0);
        RunListener where = new RunListener() {
            @Override
            public void scriptStarted(String file, String title) {
                threads.add(Thread.currentThread().getName());
            }
        };
        RunResult r = new ScriptRunner(RunConfig.defaults().withSettle(Duration.ZERO), server, where)
                .run(suite(3, "", ""));
        assertEquals(3, r.passed());
        assertEquals(List.of(Thread.currentThread().getName()), threads.stream().distinct().toList());
        assertEquals(1, server.mostOpen.get());
    }

    @Test
    void jobsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> RunConfig.defaults().withJobs(0));
        assertThrows(IllegalArgumentException.class, () -> RunConfig.defaults().withJobs(RunConfig.MAX_JOBS + 1));
        assertEquals(RunConfig.MAX_JOBS, RunConfig.defaults().withJobs(RunConfig.MAX_JOBS).jobs());
    }

    private static void assertNoJobThreads() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("scansion-job-")) t.join(2000);
            assertFalse(t.getName().startsWith("scansion-job-") && t.isAlive(), t.getName() + " is still alive");
        }
    }
}
