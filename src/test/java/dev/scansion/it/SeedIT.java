package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;

/** The shared real-world seed scripts (../shared/seed beside the project, when present) against Prosody. */
@Timeout(600)
class SeedIT {
    private static final Path SEED = Path.of("").toAbsolutePath().resolveSibling("shared").resolve("seed");

    @Test
    void seedScriptsPassAgainstProsody() {
        assumeTrue(Files.isDirectory(SEED), "skipped: no seed scripts at " + SEED + " (../shared/seed beside the project)");
        try (ProsodyServer server = ProsodyServer.start()) {
            int exit = Main.execute("run", "--host", server.host(), "--port", Integer.toString(server.port()), SEED.toString());
            if (exit != 0) server.keepFilesOnClose();
            assertEquals(0, exit, "scansion run " + SEED + " against " + server + "; server files kept in "
                    + server.directory() + "\n" + server.logTail());
        }
    }
}
