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
            CountDownLatch entered = new CountDownLatch(1);
            Thread script = new Thread(() -> {
                lock.enterShared();
                entered.countDown();
                lock.exitShared();
            });
            script.start();
            assertFalse(entered.await(300, TimeUnit.MILLISECONDS), "entered while the other process held it");
            release(other);
            assertTrue(entered.await(20, TimeUnit.SECONDS), "never entered after the other process let go");
            script.join();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aSerialScriptWaitsWhileAnotherProcessHasScriptsInFlight() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h2", 5222);
        Process other = holder("shared");
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Thread serial = new Thread(() -> {
                FileChannel held = lock.enterExclusive();
                entered.countDown();
                lock.exitExclusive(held);
            });
            serial.start();
            assertFalse(entered.await(300, TimeUnit.MILLISECONDS), "ran alone while the other process had scripts");
            release(other);
            assertTrue(entered.await(20, TimeUnit.SECONDS));
            serial.join();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void scriptsOfTwoProcessesShareTheServer() throws Exception {
        ServerLock lock = ServerLock.in(dir, "h3", 5222);
        Process other = holder("shared");
        try {
            CountDownLatch entered = new CountDownLatch(1);
            Thread script = new Thread(() -> {
                lock.enterShared();
                entered.countDown();
                lock.exitShared();
            });
            script.start();
            assertTrue(entered.await(20, TimeUnit.SECONDS), "a shared hold must not wait for another shared hold");
            script.join();
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
        CountDownLatch entered = new CountDownLatch(1);
        Thread serial = new Thread(() -> {
            FileChannel held = lock.enterExclusive();
            entered.countDown();
            lock.exitExclusive(held);
        });
        serial.start();
        assertFalse(entered.await(300, TimeUnit.MILLISECONDS), "ran alone while another runner had a script");
        lock.exitShared();
        assertTrue(entered.await(20, TimeUnit.SECONDS));
        serial.join();
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
