package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * File locks are held per process, so the other run is a second JVM ({@link Holder}) holding the
 * server's lock file the way another scansion process would.
 */
@Timeout(60)
class ServerLockTest {
    @TempDir
    Path dir;

    @Test
    void aScriptWaitsWhileAnotherProcessRunsASerialOne() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h1", 5222);
        Process other = holder("exclusive");
        try {
            Entering script = Entering.shared(lock);
            assertFalse(script.entered().await(300, TimeUnit.MILLISECONDS), "entered while the other process held it");
            release(other);
            assertTrue(script.entered().await(20, TimeUnit.SECONDS), "never entered after the other process let go");
            script.thread().join();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aSerialScriptWaitsWhileAnotherProcessHasScriptsInFlight() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h2", 5222);
        Process other = holder("shared");
        try {
            Entering serial = Entering.exclusive(lock);
            assertFalse(serial.entered().await(300, TimeUnit.MILLISECONDS), "ran alone while the other process had scripts");
            release(other);
            assertTrue(serial.entered().await(20, TimeUnit.SECONDS));
            serial.thread().join();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void scriptsOfTwoProcessesShareTheServer() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h3", 5222);
        Process other = holder("shared");
        try {
            Entering script = Entering.shared(lock);
            assertTrue(script.entered().await(20, TimeUnit.SECONDS), "a shared hold must not wait for another shared hold");
            script.thread().join();
        } finally {
            release(other);
            other.destroyForcibly();
        }
    }

    @Test
    void noLockFileMeansNoWait() {
        ServerLock lock = ServerLock.in(dir.resolve("missing-directory"), "h4", 5222);
        lock.enterShared();
        lock.exitShared();
        FileChannel held = lock.enterExclusive();
        assertEquals(null, held);
        lock.exitExclusive(held);
    }

    @Test
    void insideOneJvmASerialScriptWaitsForTheOtherRunnersScripts() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h5", 5222);
        lock.enterShared(); // another runner's script, in flight
        Entering serial = Entering.exclusive(lock);
        assertFalse(serial.entered().await(300, TimeUnit.MILLISECONDS), "ran alone while another runner had a script");
        lock.exitShared();
        assertTrue(serial.entered().await(20, TimeUnit.SECONDS));
        serial.thread().join();
    }

    /** A thread that takes the lock (shared or exclusive), says so, and lets go. */
    private record Entering(Thread thread, CountDownLatch entered) {
        static Entering shared(ServerLock lock) {
            return start(() -> lock.enterShared(), lock::exitShared);
        }

        static Entering exclusive(ServerLock lock) {
            FileChannel[] held = new FileChannel[1];
            return start(() -> held[0] = lock.enterExclusive(), () -> lock.exitExclusive(held[0]));
        }

        private static Entering start(Runnable enter, Runnable exit) {
            CountDownLatch entered = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                enter.run();
                entered.countDown();
                exit.run();
            });
            t.start();
            return new Entering(t, entered);
        }
    }

    /** Starts a JVM that holds the lock file of {@code h1..h3}, then waits for its input to close. */
    private Process holder(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString(), mode)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("held", out.readLine());
        return p;
    }

    private static void release(Process p) throws Exception {
        OutputStream in = p.getOutputStream();
        in.close();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    }

    /** The other process: holds every test's lock file shared or exclusively until its input closes. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            boolean shared = args[1].equals("shared");
            for (String host : List.of("h1", "h2", "h3")) {
                ServerLock lock = ServerLock.in(dir, host, 5222);
                if (shared) {
                    lock.enterShared();
                } else if (lock.enterExclusive() == null) {
                    throw new IllegalStateException("no lock");
                }
            }
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our input
            }
        }
    }
}
