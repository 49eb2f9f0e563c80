package dev.scansion.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the kernel's TCP socket table (Linux {@code /proc/net/tcp} and {@code tcp6}) to see the
 * queues of both ends of a loopback connection: how many bytes the server has not read yet
 * (its rx_queue) and how many we sent that are not acknowledged (our tx_queue).
 */
final class ProcNetTcp {
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";

    /** Queues of one connection: the client end's unacknowledged bytes and the server end's unread bytes. */
    record Queues(long clientUnacked, long serverUnread) {
    }

    private ProcNetTcp() {
    }

    static boolean available() {
        return TABLES.stream().anyMatch(Files::isReadable);
    }

    /** Both ends of the connection between local port {@code clientPort} and server port {@code serverPort}. */
    static Optional<Queues> queues(int clientPort, int serverPort) {
        Long clientTx = null;
        Long serverRx = null;
        for (Path table : TABLES) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 5 || !ESTABLISHED.equals(f[3])) continue;
                int local = port(f[1]);
                int remote = port(f[2]);
                String[] q = f[4].split(":");
                if (local == clientPort && remote == serverPort) clientTx = Long.parseLong(q[0], 16);
                else if (local == serverPort && remote == clientPort) serverRx = Long.parseLong(q[1], 16);
            }
        }
        return clientTx == null || serverRx == null ? Optional.empty() : Optional.of(new Queues(clientTx, serverRx));
    }

    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
    }
}
