package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy rule on fixture /proc trees: tables with inodes, processes with socket descriptors. */
class ProxyCheckTest {
    private static final int SERVER = 5222;
    private static final int CLIENT = 40000;
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";

    @TempDir
    Path proc;

    /** A /proc/net/tcp line as the kernel writes it. */
    private static String line(int sl, int local, int remote, int state, long inode) {
        return String.format("%4d: 0100007F:%04X 0100007F:%04X %02X 00000000:00000000 00:00000000 00000000"
                + "   106        0 %d 1 0000000000000000 20 4 30 10 -1%n", sl, local, remote, state, inode);
    }

    /** Our connection seen from both ends, the listener, and what else the test adds. */
    private void table(String... more) throws IOException {
        StringBuilder t = new StringBuilder(HEADER);
        t.append(line(0, SERVER, 0, 0x0A, 11)); // the listener
        t.append(line(1, SERVER, CLIENT, 0x01, 12)); // the server's (or proxy's) end of our connection
        t.append(line(2, CLIENT, SERVER, 0x01, 13)); // ours
        for (String m : more) t.append(m);
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), t);
    }

    private void process(long pid, long... inodes) throws IOException {
        Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
        Files.createSymbolicLink(fd.resolve("0"), Path.of("pipe:[99]"));
        for (int i = 0; i < inodes.length; i++) {
            Files.createSymbolicLink(fd.resolve(Integer.toString(i + 3)), Path.of("socket:[" + inodes[i] + "]"));
        }
    }

    private Optional<String> doubt() {
        return new ProxyCheck(proc).doubt(SERVER, CLIENT);
    }

    @Test
    void aServerHoldingTheListenerAndItsClientsIsTrusted() throws IOException {
        table(line(3, 41000, 5432, 0x01, 14), line(4, SERVER, 40002, 0x01, 15));
        process(100, 11, 12, 14, 15); // two clients, one database link
        process(200, 13);
        assertEquals(Optional.empty(), doubt());
    }

    @Test
    void aForkedProxyChildDoesNotListen() throws IOException {
        table(line(3, 41000, 5223, 0x01, 14));
        process(100, 11); // socat's parent: the listener only
        process(101, 12, 14); // its child: our peer and the connection to the server
        Optional<String> d = doubt();
        assertTrue(d.orElse("").contains("(pid 101) does not listen on port 5222"), d.toString());
    }

    @Test
    void aListeningProcessWithAnOutgoingConnectionPerClientMayBeAProxy() throws IOException {
        table(line(3, 41000, 5223, 0x01, 14));
        process(100, 11, 12, 14); // docker-proxy, HAProxy: listener, client, backend in one process
        Optional<String> d = doubt();
        assertTrue(d.orElse("").contains("has 1 outgoing connection(s) (to port 5223) for 1 client(s)"), d.toString());
    }

    @Test
    void whenNoReadableProcessHoldsOurPeerNothingCanBeSaid() throws IOException {
        table();
        process(100, 11); // the listener's process, but not our peer's (another user's, unreadable)
        Files.createDirectories(proc.resolve("300")); // a process whose fd directory cannot be read
        Optional<String> d = doubt();
        assertTrue(d.orElse("").startsWith("no process this user can inspect"), d.toString());
    }

    @Test
    void aConnectionMissingFromTheTableIsInDoubt() throws IOException {
        table();
        process(100, 11, 12);
        assertTrue(new ProxyCheck(proc).doubt(SERVER, 40009).isPresent());
    }

    @Test
    void ipv6TablesCountToo() throws IOException {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), HEADER);
        Files.writeString(proc.resolve("net/tcp6"), "  sl  local_address   remote_address  st ...\n"
                + "   0: 00000000000000000000000000000000:1466 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000   106        0 21 1 0 20 4 30 10 -1\n"
                + "   1: 0000000000000000FFFF00000100007F:1466 0000000000000000FFFF00000100007F:9C40 01"
                + " 00000000:00000000 00:00000000 00000000   106        0 22 1 0 20 4 30 10 -1\n");
        process(100, 21, 22);
        assertEquals(Optional.empty(), doubt());
    }
}
