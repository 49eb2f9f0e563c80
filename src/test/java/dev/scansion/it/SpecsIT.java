package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;

/** The project's own conversation specs, through the real command line, against a fresh Prosody. */
@Timeout(600)
class SpecsIT {
    private static final Path SPECS = Path.of("specs");

    @Test
    void specsPassAgainstProsody() throws IOException {
        // Fail loudly rather than pass vacuously when there is nothing to run.
        assertTrue(Files.isDirectory(SPECS), "there is no specs/ directory in " + Path.of("").toAbsolutePath());
        try (Stream<Path> files = Files.walk(SPECS)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".scs")), "specs/ holds no .scs script");
        }
        try (ProsodyServer server = ProsodyServer.start()) {
            int exit = Main.execute("run", "--host", server.host(), "--port", Integer.toString(server.port()), SPECS.toString());
            if (exit != 0) server.keepFilesOnClose();
            assertEquals(0, exit, "scansion run specs/ against " + server + "; server files kept in "
                    + server.directory() + "\n" + server.logTail());
        }
    }
}
