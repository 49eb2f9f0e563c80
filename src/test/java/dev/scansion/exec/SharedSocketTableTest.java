package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cross-actor order with several scripts in flight: every script's barriers share the one
 * process-wide socket table ({@link SocketTable#SYSTEM}), whose newest read answers questions
 * about later moments. Other scripts reading the table all the time must never make one script's
 * barrier answer from a read that began before its send, nor for another socket.
 */
@Timeout(60)
class SharedSocketTableTest {
    private static final Duration SHORT = Duration.ofMillis(150);
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void otherScriptsReadingTheTableNeverAnswerForThisScriptsSend() throws Exception {
        assumeTrue(Files.isReadable(ProcNetTcp.TCP4) && Files.isReadable(ProcNetTcp.TCP6), "Linux /proc");
        SocketTable shared = new SocketTable();
        List<Socket> clients = new ArrayList<>();
        List<Socket> accepted = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger othersAnswered = new AtomicInteger();
        List<Thread> others = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < 4; i++) {
                clients.add(new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
                accepted.add(listener.accept());
            }
            // Three other "scripts": their sends are read at once, and they ask about them all the time.
            for (int i = 1; i < 4; i++) {
                ReadBarrier barrier = ReadBarrier.of(clients.get(i), shared);
                Thread t = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            if (barrier.await(System.nanoTime(), LONG)) othersAnswered.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        // stopped
                    }
                });
                t.setDaemon(true);
                others.add(t);
                t.start();
            }
            ReadBarrier mine = ReadBarrier.of(clients.get(0), shared);
            for (int round = 0; round < 20; round++) {
                send(clients.get(0), 10);
                assertFalse(mine.await(System.nanoTime(), SHORT), "round " + round + ": the server has not read it");
                assertEquals(10, accepted.get(0).getInputStream().readNBytes(10).length);
                assertTrue(mine.await(System.nanoTime(), LONG), "round " + round + ": the server has read it");
            }
            assertTrue(othersAnswered.get() > 20, "the other scripts did use the table meanwhile: " + othersAnswered);
        } finally {
            stop.set(true);
            for (Thread t : others) t.join(5000);
            for (Socket s : clients) s.close();
            for (Socket s : accepted) s.close();
        }
    }

    private static void send(Socket client, int bytes) throws Exception {
        OutputStream out = client.getOutputStream();
        out.write(new byte[bytes]);
        out.flush();
    }
}
