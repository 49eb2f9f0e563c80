package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcNetTcpTest {
    private static final String HEADER4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode";

    /** A /proc/net/tcp line, padded to 149 characters as the kernel does. */
    private static String line4(int sl, int localPort, int remotePort, int state, long rx) {
        String s = String.format("%4d: 0100007F:%04X 0100007F:%04X %02X 00000000:%08X 00:00000000 00000000"
                + "   106        0 12345 1 0000000000000000 20 4 30 10 -1", sl, localPort, remotePort, state, rx);
        return String.format("%-149s", s);
    }

    private static Map<Integer, ProcNetTcp.Entry> parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return ProcNetTcp.parse(b, b.length);
    }

    private static Optional<ProcNetTcp.Entry> find(String text, int local, int remote) {
        return new ProcNetTcp.Snapshot(ProcNetTcp.TCP4, 0, parse(text), true).find(local, remote);
    }

    @Test
    void findsTheOpenSocketByItsPortsWithItsUnreadBytes() {
        String table = HEADER4 + "\n" + line4(0, 5222, 0, 0x0A, 0) + "\n" + line4(1, 5222, 40000, 0x01, 0x1F4)
                + "\n" + line4(2, 40000, 5222, 0x01, 0) + "\n";
        assertEquals(Optional.of(new ProcNetTcp.Entry(1, 500)), find(table, 5222, 40000));
        assertEquals(Optional.of(new ProcNetTcp.Entry(1, 0)), find(table, 40000, 5222));
        assertEquals(Optional.empty(), find(table, 5222, 40001));
    }

    @Test
    void socketsTheProcessHasClosedAreNotOpen() {
        String table = HEADER4 + "\n" + line4(0, 5222, 40000, 0x06, 0) + "\n" + line4(1, 5222, 40002, 0x08, 7)
                + "\n";
        assertEquals(Optional.empty(), find(table, 5222, 40000), "TIME_WAIT");
        assertEquals(Optional.of(new ProcNetTcp.Entry(8, 7)), find(table, 5222, 40002), "CLOSE_WAIT is still held");
    }

    @Test
    void readsIpv6LinesAndSkipsMalformedOnes() {
        String table = "  sl  local_address                         remote_address                        st ...\n"
                + "   0: 0000000000000000FFFF00000100007F:1466 0000000000000000FFFF00000100007F:9C40 01"
                + " 00000000:0000000A 00:00000000 00000000   106        0 1 1 0 20 4 30 10 -1\n"
                + "garbage\n"
                + "   1: 00000000000000000000000001000000:zz 00000000000000000000000001000000:1466 01 0:0\n";
        Map<Integer, ProcNetTcp.Entry> open = parse(table);
        assertEquals(1, open.size());
        assertEquals(Optional.of(new ProcNetTcp.Entry(1, 10)),
                new ProcNetTcp.Snapshot(ProcNetTcp.TCP6, 0, open, true).find(0x1466, 0x9C40));
    }

    @Test
    void readsATableLargerThanItsBuffer(@TempDir Path dir) throws IOException {
        StringBuilder table = new StringBuilder(HEADER4).append('\n');
        for (int i = 0; i < 2000; i++) table.append(line4(i, 10000 + i, 5222, 0x01, i)).append('\n');
        Path file = dir.resolve("tcp");
        Files.writeString(file, table, StandardCharsets.US_ASCII);
        ProcNetTcp.Snapshot s = ProcNetTcp.read(file, -1, -1);
        assertEquals(2000, s.open().size());
        assertEquals(Optional.of(new ProcNetTcp.Entry(1, 1999)), s.find(10000 + 1999, 5222));
    }

    @Test
    void aMissingTableIsAnError(@TempDir Path dir) {
        try {
            ProcNetTcp.read(dir.resolve("absent"), -1, -1);
            assertFalse(true, "expected an IOException");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains("absent"));
        }
    }
}
