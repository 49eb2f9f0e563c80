package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Direction;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.script.ast.SourceSpan;

/** The console with several scripts in flight: each block whole, a progress line naming what runs. */
@Timeout(60)
class ConcurrentConsoleTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleReporter reporter(boolean verbose, int jobs) {
        return new ConsoleReporter(new PrintWriter(out, true), new PrintWriter(err, true),
                new ConsoleOptions(verbose, ConsoleStyle.PLAIN, false), jobs);
    }

    private static ScriptResult passed(String file) {
        return Results.script(file, Optional.empty(), "", List.of(), ScriptStatus.PASSED, Instant.now(),
                Duration.ofMillis(5), Optional.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static StepResult step(String file, int line) {
        return Results.step(line, "sends", "A", SourceSpan.of(file, line, 1), StepStatus.PASSED, Duration.ofMillis(1),
                Optional.empty(), List.of());
    }

    @Test
    void eachScriptsVerboseBlockIsPrintedWholeWhenItEnds() {
        ConsoleReporter r = reporter(true, 2);
        r.runStarted(List.of("a.scs", "b.scs"));
        r.scriptStarted("a.scs", "");
        r.scriptStarted("b.scs", "");
        r.stepFinished("a.scs", step("a.scs", 11));
        r.wire("a.scs", "A", Direction.SENT, "<a1/>");
        r.stepFinished("b.scs", step("b.scs", 21));
        r.wire("b.scs", "A", Direction.SENT, "<b1/>");
        r.stepFinished("a.scs", step("a.scs", 12));
        r.wire("a.scs", "A", Direction.SENT, "<a2/>");
        assertEquals("", out.toString(), "nothing before a script ends");
        r.scriptFinished(passed("b.scs"));
        r.scriptFinished(passed("a.scs"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("    ok 21: A sends 1 ms", "PASS  b.scs 5 ms", "    ok 11: A sends 1 ms",
                "    ok 12: A sends 1 ms", "PASS  a.scs 5 ms"), lines, out.toString());
        assertEquals(List.of("[A] -> <b1/>", "[A] -> <a1/>", "[A] -> <a2/>"), err.toString().lines().toList());
    }

    @Test
    void theProgressLineSaysWhatIsRunning() {
        ConsoleReporter r = reporter(false, 4);
        r.runStarted(List.of("x/muc_join.scs", "x/pubsub_nodes.scs", "x/c.scs"));
        r.scriptStarted("x/muc_join.scs", "");
        assertEquals("[1/3] x/muc_join.scs", r.progressStatus(), "one in flight: as with one job");
        r.scriptStarted("x/pubsub_nodes.scs", "");
        r.stepStarted("x/pubsub_nodes.scs", 1, "Romeo", "connects");
        assertEquals("[2/3] running: muc_join, pubsub_nodes", r.progressStatus());
        r.scriptFinished(passed("x/muc_join.scs"));
        r.scriptStarted("x/c.scs", "");
        assertEquals("[3/3] running: pubsub_nodes, c", r.progressStatus());
    }

    /** Eight threads, each a script with many steps: every block comes out contiguous and complete. */
    @Test
    void blocksFromManyThreadsNeverInterleave() throws Exception {
        ConsoleReporter r = reporter(true, 8);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) files.add("s" + i + ".scs");
        r.runStarted(files);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String f : files) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                r.scriptStarted(f, "");
                for (int line = 1; line <= 200; line++) {
                    r.stepStarted(f, line, "A", "sends");
                    r.stepFinished(f, step(f, line));
                }
                r.scriptFinished(passed(f));
            });
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) t.join();
        r.runFinished(new RunResult(files.stream().map(ConcurrentConsoleTest::passed).toList(), List.of(),
                Instant.now(), Duration.ofSeconds(1)));
        List<String> lines = out.toString().lines().toList();
        for (int block = 0; block < 8; block++) {
            List<String> b = lines.subList(block * 201, block * 201 + 201);
            String file = b.get(200).substring("PASS  ".length(), b.get(200).indexOf(' ', 6));
            for (int line = 1; line <= 200; line++) {
                assertEquals("    ok " + line + ": A sends 1 ms", b.get(line - 1), "block of " + file);
            }
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("8 passed, 0 failed"), lines.get(lines.size() - 1));
    }

    @Test
    void aKeptBlockIsBounded() {
        ScriptBlock b = new ScriptBlock();
        String line = "x".repeat(1000);
        for (int i = 0; i < ScriptBlock.MAX_CHARS / 1000 + 50; i++) b.add(b.err, line);
        List<String> kept = b.lines(b.err);
        assertEquals(ScriptBlock.MAX_CHARS / 1000 + 1, kept.size());
        assertEquals("    … 50 more lines of this script not shown (over 512 KiB kept while other scripts run)",
                kept.get(kept.size() - 1));
    }
}
