package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The barrier against the real kernel: a loopback "server" that reads (or not) what we sent. */
@Timeout(30)
class ReadBarrierTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void seesWhenTheServerHasReadAndWhenItHasClosed() throws Exception {
        assumeTrue(Files.isReadable(ProcNetTcp.TCP4) && Files.isReadable(ProcNetTcp.TCP6), "Linux /proc");
        SocketTable tables = new SocketTable();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 Socket server = listener.accept()) {
                ReadBarrier barrier = ReadBarrier.of(client, tables);
                assertTrue(barrier.await(System.nanoTime(), LONG), "nothing sent yet, so nothing unread");

                OutputStream out = client.getOutputStream();
                out.write(new byte[100]);
                out.flush();
                assertFalse(barrier.await(System.nanoTime(), SHORT), "the server has not read the 100 bytes");

                InputStream in = server.getInputStream();
                assertEquals(100, in.readNBytes(100).length);
                assertTrue(barrier.await(System.nanoTime(), LONG), "the server has read them");
                assertFalse(barrier.awaitServerClosed(System.nanoTime(), SHORT), "the server still holds its end");

                server.close();
                assertTrue(barrier.awaitServerClosed(System.nanoTime(), LONG), "the server has closed its end");
            }
        }
    }

    @Test
    void questionsAboutTheSameMomentShareOneRead() throws Exception {
        assumeTrue(Files.isReadable(ProcNetTcp.TCP4) && Files.isReadable(ProcNetTcp.TCP6), "Linux /proc");
        SocketTable tables = new SocketTable();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 Socket sa = listener.accept();
                 Socket b = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 Socket sb = listener.accept()) {
                ReadBarrier first = ReadBarrier.of(a, tables);
                ReadBarrier second = ReadBarrier.of(b, tables);
                assertEquals(0, tables.reads(), "nothing is read at connect time");
                assertTrue(first.await(System.nanoTime(), LONG));
                assertTrue(second.await(System.nanoTime(), LONG));

                Path table = tables.tableFor(listener.getLocalPort());
                assertFalse(ProcNetTcp.read(table, listener.getLocalPort(), a.getLocalPort()).complete(),
                        "a read looking for an open socket stops where it shows up");

                sa.close();
                sb.close();
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
        assumeTrue(Files.isReadable(ProcNetTcp.TCP4) && Files.isReadable(ProcNetTcp.TCP6), "Linux /proc");
        SocketTable tables = new SocketTable();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                 Socket server = listener.accept()) {
                ReadBarrier barrier = ReadBarrier.of(client, tables);
                client.getOutputStream().write(new byte[10]);
                client.getOutputStream().flush();
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
                assertEquals(10, server.getInputStream().readNBytes(10).length);
                assertTrue(barrier.await(System.nanoTime(), LONG), "still observing after the interrupt");
            }
        }
    }
}
