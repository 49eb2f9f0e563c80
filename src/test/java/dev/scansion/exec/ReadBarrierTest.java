package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The barrier against the real kernel: a loopback "server" that reads (or not) what we sent. */
@Timeout(30)
class ReadBarrierTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    /** A loopback listener and connections to it: each a client socket and the accepted end. */
    private static final class Loopback implements AutoCloseable {
        final ServerSocket listener = new ServerSocket();
        final List<Socket> clients = new ArrayList<>();
        final List<Socket> accepted = new ArrayList<>();

        Loopback(int connections) throws IOException {
            assumeTrue(Files.isReadable(ProcNetTcp.TCP4) && Files.isReadable(ProcNetTcp.TCP6), "Linux /proc");
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < connections; i++) {
                clients.add(new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
                accepted.add(listener.accept());
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : clients) s.close();
            for (Socket s : accepted) s.close();
            listener.close();
        }
    }

    private static void send(Socket client, int bytes) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(new byte[bytes]);
        out.flush();
    }

    @Test
    void seesWhenTheServerHasReadAndWhenItHasClosed() throws Exception {
        try (Loopback net = new Loopback(1)) {
            Socket client = net.clients.get(0);
            Socket server = net.accepted.get(0);
            ReadBarrier barrier = ReadBarrier.of(client, new SocketTable());
            assertTrue(barrier.await(System.nanoTime(), LONG), "nothing sent yet, so nothing unread");

            send(client, 100);
            assertFalse(barrier.await(System.nanoTime(), SHORT), "the server has not read the 100 bytes");

            assertEquals(100, server.getInputStream().readNBytes(100).length);
            assertTrue(barrier.await(System.nanoTime(), LONG), "the server has read them");
            assertFalse(barrier.awaitServerClosed(System.nanoTime(), SHORT), "the server still holds its end");

            server.close();
            assertTrue(barrier.awaitServerClosed(System.nanoTime(), LONG), "the server has closed its end");
        }
    }

    @Test
    void questionsAboutTheSameMomentShareOneRead() throws Exception {
        try (Loopback net = new Loopback(2)) {
            SocketTable tables = new SocketTable();
            ReadBarrier first = ReadBarrier.of(net.clients.get(0), tables);
            ReadBarrier second = ReadBarrier.of(net.clients.get(1), tables);
            assertEquals(0, tables.reads(), "nothing is read at connect time");
            assertTrue(first.await(System.nanoTime(), LONG));
            assertTrue(second.await(System.nanoTime(), LONG));

            Path table = tables.tableFor(net.port());
            assertFalse(ProcNetTcp.read(table, net.port(), net.clients.get(0).getLocalPort()).complete(),
                    "a read looking for an open socket stops where it shows up");

            for (Socket s : net.accepted) s.close();
            long moment = System.nanoTime();
            long before = tables.reads();
            assertTrue(first.awaitServerClosed(moment, LONG));
            assertEquals(before + 1, tables.reads(), "one whole read shows the first closed");
            assertTrue(second.awaitServerClosed(moment, LONG), "and answers for the second");
            assertEquals(before + 1, tables.reads());
            assertTrue(second.awaitServerClosed(System.nanoTime(), LONG));
            assertEquals(before + 2, tables.reads(), "a later moment needs a new read");
        }
    }

    @Test
    void aRemoteOrUnconnectedSocketIsNotObservable() throws Exception {
        SocketTable tables = new SocketTable();
        assertFalse(ReadBarrier.of(new Socket(), tables).await(0, SHORT));
        assertFalse(ReadBarrier.of(null, tables).awaitServerClosed(0, SHORT));
        assertEquals(0, tables.reads());
    }

    @Test
    void anInterruptedWaitStaysObservable() throws Exception {
        try (Loopback net = new Loopback(1)) {
            Socket client = net.clients.get(0);
            ReadBarrier barrier = ReadBarrier.of(client, new SocketTable());
            send(client, 10);
            Thread waiter = new Thread(() -> {
                try {
                    barrier.await(System.nanoTime(), LONG);
                } catch (InterruptedException expected) {
                    // the point of the test
                }
            });
            waiter.start();
            Thread.sleep(50);
            for (int i = 0; i < 20 && waiter.isAlive(); i++) {
                waiter.interrupt(); // lands in a table read or in the pause between reads
                waiter.join(100);
            }
            assertFalse(waiter.isAlive());
            assertEquals(10, net.accepted.get(0).getInputStream().readNBytes(10).length);
            assertTrue(barrier.await(System.nanoTime(), LONG), "still observing after the interrupt");
        }
    }
}
