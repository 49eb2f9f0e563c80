package dev.scansion.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the kernel's TCP socket tables (Linux {@code /proc/net/tcp} and {@code tcp6}) to see the
 * server's end of a loopback connection: its state, and how many bytes the server process has
 * not read yet (rx_queue). Reading a table can cost milliseconds on hosts with a large socket
 * hash, so callers remember which table holds their connection.
 */
final class ProcNetTcp {
    static final Path TCP4 = Path.of("/proc/net/tcp");
    static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";

    /** One socket: its state (hex, as the kernel prints it) and its unread bytes. */
    record Entry(String state, long unread) {
        /** The owning process still holds this end open. */
        boolean open() {
            return ESTABLISHED.equals(state) || CLOSE_WAIT.equals(state);
        }
    }

    private ProcNetTcp() {
    }

    /**
     * The open socket with this local and remote port in {@code table}; empty when there is none.
     *
     * @throws IOException when the table cannot be read (not Linux, restricted /proc)
     */
    static Optional<Entry> find(Path table, int localPort, int remotePort) throws IOException {
        List<String> lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length < 5 || port(f[1]) != localPort || port(f[2]) != remotePort) continue;
            Entry e = new Entry(f[3], Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16));
            if (e.open()) return Optional.of(e);
        }
        return Optional.empty();
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
