package dev.scansion.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's socket tables, shared by every {@link ReadBarrier} of the process so that one read
 * (milliseconds, see {@link ProcNetTcp}) answers every question asked about the same moment: a
 * caller asks for a snapshot taken after some instant, and gets the newest one if it began late
 * enough, else a fresh one. Concurrent callers queue on the lock and usually share the read that
 * was in progress.
 */
final class SocketTable {
    static final SocketTable SYSTEM = new SocketTable();

    private final Map<Path, ProcNetTcp.Snapshot> newest = new HashMap<>();
    /** Which table held the server's end of connections to a port (IPv4 and IPv6 servers differ). */
    private final Map<Integer, Path> tableOfServerPort = new HashMap<>();
    private long reads;

    /**
     * A snapshot of {@code table} whose read began at or after {@code sinceNanos}
     * ({@link System#nanoTime()}) and that knows whether the socket with these ports is open.
     */
    synchronized ProcNetTcp.Snapshot since(Path table, long sinceNanos, int localPort, int remotePort)
            throws IOException {
        ProcNetTcp.Snapshot s = newest.get(table);
        if (s != null && s.startedNanos() - sinceNanos >= 0 && s.knows(localPort, remotePort)) return s;
        s = ProcNetTcp.read(table, localPort, remotePort);
        reads++;
        newest.put(table, s);
        return s;
    }

    /** The table known to hold connections to this server port, or null. */
    synchronized Path tableFor(int serverPort) {
        return tableOfServerPort.get(serverPort);
    }

    synchronized void remember(int serverPort, Path table) {
        tableOfServerPort.put(serverPort, table);
    }

    /** How many times the tables were read (for tests and benchmarks). */
    synchronized long reads() {
        return reads;
    }
}
