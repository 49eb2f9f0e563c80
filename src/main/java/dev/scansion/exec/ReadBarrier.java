package dev.scansion.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
 */
final class ReadBarrier {
    private static final ReadBarrier NONE = new ReadBarrier(null, -1, -1);
    private static final long POLL_NANOS = 500_000;

    private final Path table;
    private final int localPort;
    private final int serverPort;
    private volatile boolean observable;

    private ReadBarrier(Path table, int localPort, int serverPort) {
        this.table = table;
        this.localPort = localPort;
        this.serverPort = serverPort;
        this.observable = table != null;
    }

    /** A barrier for a connected socket, or one that observes nothing (remote server, no /proc). */
    static ReadBarrier of(Socket socket) {
        if (socket == null || !socket.isConnected() || !isLocal(socket.getInetAddress())) return NONE;
        int local = socket.getLocalPort();
        int server = socket.getPort();
        for (Path table : new Path[]{ProcNetTcp.TCP4, ProcNetTcp.TCP6}) {
            try {
                // The server's end of the connection: local port = server port, remote = ours.
                if (ProcNetTcp.find(table, server, local).isPresent()) return new ReadBarrier(table, local, server);
            } catch (IOException | RuntimeException e) {
                // Not readable here: try the other table, else observe nothing.
            }
        }
        return NONE;
    }

    /** True once the server's receive queue for this connection is empty; false if unknowable or too slow. */
    boolean await(Duration bound) throws InterruptedException {
        return poll(bound, e -> e.isEmpty() || e.get().unread() == 0);
    }

    /** True once the server process has closed its end; false if unknowable or too slow. */
    boolean awaitServerClosed(Duration bound) throws InterruptedException {
        return poll(bound, Optional::isEmpty);
    }

    private boolean poll(Duration bound, java.util.function.Predicate<Optional<ProcNetTcp.Entry>> done)
            throws InterruptedException {
        if (!observable) return false;
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<ProcNetTcp.Entry> entry;
            try {
                entry = ProcNetTcp.find(table, serverPort, localPort);
            } catch (IOException | RuntimeException e) {
                observable = false;
                return false;
            }
            if (done.test(entry)) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(0, (int) POLL_NANOS);
        }
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
