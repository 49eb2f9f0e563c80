package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.testing.ProsodyServer;

/** The shared real-world seed scripts (../shared/seed, beside the project) pass against Prosody. */
@Timeout(300)
class SeedIT {
    @Test
    void seedScriptsPassAgainstProsody() throws IOException {
        Path seed = CliRun.projectDir().resolve("../shared/seed").normalize();
        assumeTrue(Files.isDirectory(seed), "skipped: no seed directory at " + seed
                + " (../shared/seed beside the project is only present in the shared workspace)");
        List<Path> scripts = CliRun.scripts(seed);
        assertFalse(scripts.isEmpty(), "no *.scs scripts in " + seed);

        try (ProsodyServer server = ProsodyServer.start()) {
            CliRun run = CliRun.against(server, seed.toString());
            assertEquals(0, run.exitCode(), run.transcript());
            assertEquals(scripts.size(), run.passed(), run.transcript());
        }
    }
}
