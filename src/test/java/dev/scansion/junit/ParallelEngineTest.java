package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The engine with {@code scansion.jobs}: scripts concurrently on JUnit's executor, {@code ## serial} alone. */
@Timeout(60)
class ParallelEngineTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        HoldingServer.reset();
    }

    private void suite(int count, String serial) throws IOException {
        for (int i = 1; i <= count; i++) {
            String name = String.format("s%02d", i);
            Files.writeString(dir.resolve(name + ".scs"), "# " + name + "\n" + (name.equals(serial) ? "## serial\n" : "")
                    + "\n[Client] " + name + "\n\tjid: " + name + "@localhost\n\tpassword: pw\n\n-----\n\n" + name
                    + " connects\n\n" + name + " sends:\n\t<message id='m'/>\n\n" + name + " receives:\n"
                    + "\t<message id='m'/>\n\n" + name + " disconnects\n");
        }
    }

    private EngineTestKit.Builder kit() {
        return EngineTestKit.engine(ScansionTestEngine.ID).selectors(selectDirectory(dir.toFile()))
                .configurationParameter(EngineSettings.SESSION_FACTORY, HoldingServer.class.getName())
                .configurationParameter(EngineSettings.TIMEOUT, "5s")
                .configurationParameter(EngineSettings.SETTLE, "0ms")
                .configurationParameter(EngineSettings.PRINT_TRANSCRIPT, "never");
    }

    @Test
    void jobsRunThatManyScriptsAtOnce() throws IOException {
        suite(8, "");
        kit().configurationParameter(EngineSettings.JOBS, "4").execute().testEvents()
                .assertStatistics(s -> s.started(8).succeeded(8));
        assertEquals(4, HoldingServer.MOST_OPEN.get(), "four in flight, never more");
    }

    @Test
    void oneAtATimeByDefaultAndWhenTurnedOff() throws IOException {
        suite(4, "");
        kit().execute().testEvents().assertStatistics(s -> s.succeeded(4));
        assertEquals(1, HoldingServer.MOST_OPEN.get());
        kit().configurationParameter(EngineSettings.JOBS, "4").configurationParameter(EngineSettings.PARALLEL, "false")
                .execute().testEvents().assertStatistics(s -> s.succeeded(4));
        assertEquals(1, HoldingServer.MOST_OPEN.get());
    }

    @Test
    void aSerialScriptRunsAlone() throws IOException {
        suite(10, "s05");
        kit().configurationParameter(EngineSettings.JOBS, "4").execute().testEvents()
                .assertStatistics(s -> s.started(10).succeeded(10));
        int serial = HoldingServer.ACTORS.indexOf("s05");
        long[] alone = HoldingServer.INTERVALS.get(serial);
        for (int i = 0; i < HoldingServer.INTERVALS.size(); i++) {
            long[] other = HoldingServer.INTERVALS.get(i);
            if (i != serial) {
                assertFalse(other[0] < alone[1] && alone[0] < other[1], HoldingServer.ACTORS.get(i) + " overlaps s05");
            }
        }
        assertTrue(HoldingServer.MOST_OPEN.get() > 1, "the others did run together");
    }

    @Test
    void badJobsStopTheEngineWithTheKey() {
        Throwable t = kit().configurationParameter(EngineSettings.JOBS, "0").execute().allEvents().failed().stream()
                .findFirst().orElseThrow().getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertTrue(causes(t).contains("configuration parameter scansion.jobs: expected a number from 1 to 64, not '0'"),
                causes(t));
        assertEquals(0, HoldingServer.MOST_OPEN.get(), "nothing ran");
    }

    private static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) sb.append(c).append('\n');
        return sb.toString();
    }
}
