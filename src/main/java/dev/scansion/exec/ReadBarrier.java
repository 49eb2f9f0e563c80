package dev.scansion.exec;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells when a local server has read what we sent on one connection, from the kernel's socket
 * table. Different actors' sockets are independent: when the server is busy and finds data
 * waiting on several sockets, it may read a later send first (Prosody handles the ready sockets
 * of one poll in reverse order). Waiting until it has read one actor's bytes before another
 * actor writes keeps the script's order without putting anything on the wire.
 */
final class ReadBarrier {
    private static final ReadBarrier NONE = new ReadBarrier(-1, -1);
    private static final long POLL_NANOS = 500_000;

    private final int localPort;
    private final int serverPort;
    private volatile boolean observable;

    private ReadBarrier(int localPort, int serverPort) {
        this.localPort = localPort;
        this.serverPort = serverPort;
        this.observable = localPort > 0;
    }

    /** A barrier for the socket, or one that never observes anything (remote server, no /proc). */
    static ReadBarrier of(Socket socket) {
        if (socket == null || !socket.isConnected() || !isLocal(socket.getInetAddress()) || !ProcNetTcp.available()) {
            return NONE;
        }
        return new ReadBarrier(socket.getLocalPort(), socket.getPort());
    }

    /** True once the server's receive queue for this connection is empty; false if unknowable or too slow. */
    boolean await(Duration bound) throws InterruptedException {
        if (!observable) return false;
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<ProcNetTcp.Queues> q = ProcNetTcp.queues(localPort, serverPort);
            if (q.isEmpty()) {
                // Not in this network namespace (e.g. a server in a container): stop trying.
                observable = false;
                return false;
            }
            if (q.get().serverUnread() == 0) return true;
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
