package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.testing.EjabberdServer;

/**
 * specs/ejabberd four at a time (so isolated), against an ejabberd that has no accounts at all: {@code --register}
 * creates each script's isolated accounts in-band (the test configuration allows registration from
 * loopback) and removes them after it. Every script passes and no account is left behind.
 */
@Timeout(600)
class IsolationEjabberdIT {
    @Test
    void everySpecPassesIsolatedWithAccountsRegisteredForIt() throws IOException {
        Path dir = CliRun.projectDir().resolve("specs/ejabberd");
        List<Path> scripts = CliRun.scripts(dir);
        assertFalse(scripts.isEmpty());
        try (EjabberdServer server = EjabberdServer.start(List.of())) {
            // ejabberd hands what it read from a socket to another Erlang process: with four scripts
            // on two cores, the default 10 ms after the read was once not enough for cross_actor_order
            // (the later sender's message was routed first); a larger settle keeps the order.
            CliRun run = CliRun.against(server, "--jobs", "4", "--register", "--settle", "50ms", dir.toString());
            assertEquals(0, run.exitCode(), run.transcript());
            assertEquals(scripts.size(), run.passed(), run.transcript());
            assertFalse(run.err().contains("could not remove"), run.transcript());
            // the accounts are gone: a non-isolated run, which registers nothing, cannot log in
            CliRun plain = CliRun.against(server, "--timeout", "2s", dir.resolve("ping.scs").toString());
            assertEquals(1, plain.exitCode(), plain.transcript());
            assertTrue(plain.out().contains("not-authorized"), plain.transcript());
        }
    }
}
