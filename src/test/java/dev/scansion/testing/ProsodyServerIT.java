package dev.scansion.testing;

import static dev.scansion.testing.ServerAssertions.assertGone;
import static dev.scansion.testing.ServerAssertions.assertUp;
import static dev.scansion.testing.ServerAssertions.featuresOf;
import static dev.scansion.testing.ServerAssertions.logsIn;
import static dev.scansion.testing.ServerAssertions.processTree;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ProsodyServerIT {
    @Test
    void startsReadyAndStopsWithoutLeavingAProcess() throws Exception {
        ProsodyServer server = ProsodyServer.start();
        List<ProcessHandle> tree;
        try {
            assertUp(server);
            tree = processTree(server);
            assertTrue(Files.readString(server.logFile()).contains("Prosody"), "log file is Prosody's");
        } finally {
            server.close();
        }
        assertGone(server, tree);
    }

    @Test
    void anyUserLogsInWithAnyPasswordWithoutRegistration() throws Exception {
        try (ProsodyServer server = ProsodyServer.start()) {
            assertTrue(logsIn(server, "user", "password"));
            assertTrue(logsIn(server, "someone-" + System.nanoTime(), "whatever"));
        }
    }

    @Test
    void extraConfigLinesAreApplied() throws Exception {
        String registration = "http://jabber.org/features/iq-register";
        try (ProsodyServer plain = ProsodyServer.start()) {
            assertFalse(featuresOf(plain).contains(registration), "in-band registration is off by default");
        }
        List<String> extra = List.of("modules_enabled = { \"saslauth\"; \"register\" }", "allow_registration = true");
        try (ProsodyServer server = ProsodyServer.start(extra)) {
            assertTrue(featuresOf(server).contains(registration), "the extra lines did not enable registration");
        }
    }

    @Test
    void closeIsIdempotentAndKeepFilesKeepsTheLog() throws Exception {
        ProsodyServer server = ProsodyServer.start();
        server.keepFilesOnClose();
        server.close();
        server.close();
        try {
            assertFalse(server.isRunning());
            assertTrue(Files.size(server.logFile()) > 0, "log kept");
        } finally {
            ServerProcess.deleteTree(server.directory());
        }
    }
}
