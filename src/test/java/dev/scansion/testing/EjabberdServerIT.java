package dev.scansion.testing;

import static dev.scansion.testing.ServerAssertions.assertGone;
import static dev.scansion.testing.ServerAssertions.assertUp;
import static dev.scansion.testing.ServerAssertions.logsIn;
import static dev.scansion.testing.ServerAssertions.processTree;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class EjabberdServerIT {
    @Test
    void startsReadyAndStopsWithoutLeavingAProcess() throws Exception {
        EjabberdServer server = EjabberdServer.start();
        List<ProcessHandle> tree;
        try {
            assertUp(server);
            tree = processTree(server);
            for (ProcessHandle p : tree) {
                String command = p.info().command().orElse("");
                assertFalse(command.endsWith("/epmd"), "the harness must not start epmd: " + command);
            }
        } finally {
            server.close();
        }
        assertGone(server, tree);
    }

    @Test
    void defaultAccountsLogInWithThePasswordAndOnlyWithIt() throws Exception {
        try (EjabberdServer server = EjabberdServer.start()) {
            assertTrue(logsIn(server, "user", XmppTestServer.PASSWORD));
            assertTrue(logsIn(server, "user2", XmppTestServer.PASSWORD));
            assertTrue(logsIn(server, "admin", XmppTestServer.PASSWORD));
            assertFalse(logsIn(server, "user", "wrong"));
            assertFalse(logsIn(server, "nobody", XmppTestServer.PASSWORD));
        }
    }

    @Test
    void registersTheAccountsAskedFor() throws Exception {
        try (EjabberdServer server = EjabberdServer.start(List.of("tybalt"))) {
            assertTrue(logsIn(server, "tybalt", XmppTestServer.PASSWORD));
            assertFalse(logsIn(server, "user", XmppTestServer.PASSWORD));
        }
    }
}
