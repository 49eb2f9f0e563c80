package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

import dev.scansion.testing.ProsodyServer;

/** The engine against a real Prosody started by the test harness. */
@Timeout(180)
class ScansionEngineIT {
    static final String DIR = "dev/scansion/junit/prosody";
    static ProsodyServer server;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static EngineTestKit.Builder kit(int port) {
        return EngineTestKit.engine(ScansionTestEngine.ID)
                .configurationParameter(EngineSettings.HOST, server.host())
                .configurationParameter(EngineSettings.PORT, Integer.toString(port))
                .configurationParameter(EngineSettings.TIMEOUT, "2s")
                .configurationParameter(EngineSettings.PRINT_TRANSCRIPT, "never");
    }

    private static Event finished(EngineExecutionResults r, String resource) {
        return r.testEvents().finished().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void passingAndFailingScripts(@TempDir Path transcripts) throws Exception {
        EngineExecutionResults r = kit(server.port()).selectors(selectClasspathResource(DIR))
                .configurationParameter(EngineSettings.TRANSCRIPTS, transcripts.toString()).execute();
        r.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Throwable t = finished(r, DIR + "/wrong_reply.scs").getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertInstanceOf(AssertionFailedError.class, t);
        assertTrue(t.getMessage().startsWith(DIR + "/wrong_reply.scs:15:"), server.logTail() + "\n" + t.getMessage());
        assertTrue(t.getMessage().contains("@type"), t.getMessage());
        String pass = Files.readString(transcripts.resolve("dev_scansion_junit_prosody_ping.txt"));
        assertTrue(pass.contains("Romeo received\n  <iq "), pass);
        assertFalse(pass.contains("password"), pass);
    }

    @Test
    void theSeedScriptPasses() {
        kit(server.port()).selectors(selectClasspathResource("dev/scansion/exec/muc_members_only_deregister.scs"))
                .execute().testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void unreachableServerIsAScriptError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        EngineExecutionResults r = kit(closed).selectors(selectClasspathResource(DIR + "/ping.scs")).execute();
        Throwable t = finished(r, DIR + "/ping.scs").getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        assertInstanceOf(ScriptError.class, t);
        assertEquals(DIR + "/ping.scs:10:1", t.getMessage().substring(0, t.getMessage().indexOf(": ")));
    }
}
