package dev.scansion.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Observes, through the kernel's socket table, when a server on this machine has read what we
 * sent on one connection, and when it has closed its end.
 * <p>
 * Different actors' sockets are independent: when the server is busy and finds data waiting on
 * several sockets, it may read a later send first (Prosody handles the ready sockets of one poll
 * in reverse order). Waiting until it has read one actor's bytes before another actor writes
 * keeps the script's order without putting anything on the wire. Waiting until it has closed a
 * session at disconnect lets servers that reset their state when the last client leaves
 * (Prosody's debug_reset) finish before the next script connects.
 * <p>
 * Reads of the table are shared through {@link SocketTable}: a question about "after instant T"
 * is answered by any read that began after T, so the end-of-script checks of several actors, all
 * asked about the moment their streams were closed, cost one read. Nothing is read at connect time; the table that holds the connection is found at the
 * first question.
 */
final class ReadBarrier {
    private static final ReadBarrier NONE = new ReadBarrier(null, -1, -1);
    private static final long POLL_NANOS = 200_000;
    private static final Path[] TABLES = {ProcNetTcp.TCP4, ProcNetTcp.TCP6};

    private final SocketTable tables;
    private final int localPort;
    private final int serverPort;
    private volatile boolean observable;
    /** The table that holds the server's end, once seen there. */
    private volatile Path table;

    private ReadBarrier(SocketTable tables, int localPort, int serverPort) {
        this.tables = tables;
        this.localPort = localPort;
        this.serverPort = serverPort;
        this.observable = tables != null;
    }

    /** A barrier for a connected socket, or one that observes nothing (remote server, no /proc). */
    static ReadBarrier of(Socket socket) {
        return of(socket, SocketTable.SYSTEM);
    }

    static ReadBarrier of(Socket socket, SocketTable tables) {
        if (socket == null || !socket.isConnected() || !isLocal(socket.getInetAddress())) return NONE;
        return new ReadBarrier(tables, socket.getLocalPort(), socket.getPort());
    }

    /**
     * True once a table read that began after {@code sinceNanos} ({@link System#nanoTime()}, at or
     * after the last write returned) shows the server's receive queue for this connection empty
     * (or the connection gone); false if unknowable or not within {@code bound}.
     */
    boolean await(long sinceNanos, Duration bound) throws InterruptedException {
        return poll(sinceNanos, bound, e -> e.isEmpty() || e.get().unread() == 0);
    }

    /**
     * True once a table read that began after {@code sinceNanos} (at or after our end was closed)
     * shows the server's end closed by its process; false if unknowable or too slow.
     */
    boolean awaitServerClosed(long sinceNanos, Duration bound) throws InterruptedException {
        return poll(sinceNanos, bound, Optional::isEmpty);
    }

    /**
     * Why the table's socket at the other end may not be the server's own (a proxy's; see
     * {@link ProxyCheck}); empty when it is, or when this connection is not observed at all.
     */
    Optional<String> doubt() {
        if (tables == null) return Optional.empty();
        return new ProxyCheck(ProxyCheck.PROC).doubt(serverPort, localPort);
    }

    private boolean poll(long sinceNanos, Duration bound, Predicate<Optional<ProcNetTcp.Entry>> done)
            throws InterruptedException {
        if (!observable) return false;
        long since = sinceNanos;
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<Optional<ProcNetTcp.Entry>> seen;
            try {
                seen = look(since);
            } catch (ClosedByInterruptException e) {
                throw new InterruptedException("interrupted while reading the socket table");
            } catch (IOException | RuntimeException e) {
                observable = false;
                return false;
            }
            if (seen.isEmpty()) {
                observable = false;
                return false;
            }
            if (done.test(seen.get())) return true;
            if (System.nanoTime() - deadline > 0) return false;
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) throw new InterruptedException();
            since = System.nanoTime();
        }
    }

    /**
     * The server's end as a read begun after {@code since} shows it (empty inside: gone), or empty
     * outside when this connection has never been seen in any table (not observable).
     */
    private Optional<Optional<ProcNetTcp.Entry>> look(long since) throws IOException {
        Path known = table;
        if (known != null) return Optional.of(tables.since(known, since, serverPort, localPort).find(serverPort, localPort));
        Path first = tables.tableFor(serverPort);
        for (Path candidate : ordered(first)) {
            Optional<ProcNetTcp.Entry> entry;
            try {
                entry = tables.since(candidate, since, serverPort, localPort).find(serverPort, localPort);
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (IOException e) {
                continue; // this table is not readable here; the other may be
            }
            if (entry.isPresent()) {
                table = candidate;
                tables.remember(serverPort, candidate);
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static Path[] ordered(Path first) {
        if (first == null || first.equals(TABLES[0])) return TABLES;
        return new Path[]{TABLES[1], TABLES[0]};
    }

    private static boolean isLocal(InetAddress address) {
        if (address == null) return false;
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) return true;
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (Exception e) {
            return false;
        }
    }
}
