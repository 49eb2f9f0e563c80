package dev.scansion.testing;

import static dev.scansion.testing.ServerAssertions.assertGone;
import static dev.scansion.testing.ServerAssertions.assertUp;
import static dev.scansion.testing.ServerAssertions.processTree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several servers at once (e.g. parallel test classes): distinct ports, each stops only itself. */
@Timeout(180)
class ServersTogetherIT {
    @Test
    void twoProsodiesAndAnEjabberdRunSideBySide() throws Exception {
        List<XmppTestServer> servers = new ArrayList<>();
        try {
            servers.add(ProsodyServer.start());
            servers.add(ProsodyServer.start());
            servers.add(EjabberdServer.start());
            Set<Integer> ports = servers.stream().map(XmppTestServer::port).collect(Collectors.toSet());
            assertEquals(3, ports.size(), "ports must differ: " + servers);
            servers.forEach(ServerAssertions::assertUp);

            XmppTestServer first = servers.remove(0);
            List<ProcessHandle> tree = processTree(first);
            first.close();
            assertGone(first, tree);
            servers.forEach(ServerAssertions::assertUp);
        } finally {
            servers.forEach(XmppTestServer::close);
        }
    }
}
