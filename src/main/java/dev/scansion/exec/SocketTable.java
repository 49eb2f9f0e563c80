package dev.scansion.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The kernel's socket tables, shared by every {@link ReadBarrier} of the process so that one read
 * (milliseconds, see {@link ProcNetTcp}) answers every question asked about the same moment: a
 * caller asks for a snapshot taken after some instant, and gets the newest one if it began late
 * enough, else a fresh one. Concurrent callers queue on the lock and usually share the read that
 * was in progress. The lock is fair: with several scripts in flight, barriers polling all the time
 * must not starve one whose question no other read answers (reads are filtered by socket).
 */
final class SocketTable {
    static final SocketTable SYSTEM = new SocketTable();

    private final Map<Path, ProcNetTcp.Snapshot> newest = new HashMap<>();
    /** Which table held the server's end of connections to a port (IPv4 and IPv6 servers differ). */
    private final Map<Integer, Path> tableOfServerPort = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private long reads;

    /**
     * A snapshot of {@code table} whose read began at or after {@code sinceNanos}
     * ({@link System#nanoTime()}) and that knows whether the socket with these ports is open.
     */
    ProcNetTcp.Snapshot since(Path table, long sinceNanos, int localPort, int remotePort) throws IOException {
        lock.lock();
        try {
            ProcNetTcp.Snapshot s = newest.get(table);
            if (s != null && s.startedNanos() - sinceNanos >= 0 && s.knows(localPort, remotePort)) return s;
            s = ProcNetTcp.read(table, localPort, remotePort);
            reads++;
            newest.put(table, s);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** The table known to hold connections to this server port, or null. */
    Path tableFor(int serverPort) {
        lock.lock();
        try {
            return tableOfServerPort.get(serverPort);
        } finally {
            lock.unlock();
        }
    }

    void remember(int serverPort, Path table) {
        lock.lock();
        try {
            tableOfServerPort.put(serverPort, table);
        } finally {
            lock.unlock();
        }
    }

    /** How many times the tables were read (for tests and benchmarks). */
    long reads() {
        lock.lock();
        try {
            return reads;
        } finally {
            lock.unlock();
        }
    }
}
