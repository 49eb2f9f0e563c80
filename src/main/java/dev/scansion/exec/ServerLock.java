package dev.scansion.exec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@code ## serial} across processes: two runs against one server (two CI jobs, two terminals)
 * must not have a script in flight while the other runs a serial one. A lock file per server
 * ({@code scansion-serial-HOST-PORT.lock} in the temporary directory) is held shared by a process
 * while any of its non-serial scripts runs, and exclusively while one of its serial scripts runs
 * (the in-process {@link SerialGate} has then emptied the process of other scripts, so the shared
 * hold is already released). The operating system drops the locks of a process that dies, so a
 * lock file left behind blocks nothing. Where the file cannot be created or locked (a read-only
 * temporary directory, another user's file), scripts run without it: the gate still holds inside
 * the process. File locks belong to a process, so runners of one JVM against one server (two engine
 * executions at once) are kept apart by the same rule with a lock inside the JVM.
 */
final class ServerLock {
    /** One per file in a JVM: runners of one process against one server share the shared hold. */
    private static final Map<Path, ServerLock> BY_FILE = new ConcurrentHashMap<>();

    private final Path file;
    /** The same rule between threads of this JVM (file locks do not see them); fair, as the gate. */
    private final ReentrantReadWriteLock inJvm = new ReentrantReadWriteLock(true);
    private FileChannel sharedChannel;
    private int sharedHolders;

    private ServerLock(Path file) {
        this.file = file;
    }

    /** The lock for the server at {@code host:port}, in {@code java.io.tmpdir}. */
    static ServerLock forServer(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        return in(Path.of(System.getProperty("java.io.tmpdir")), name, port);
    }

    static ServerLock in(Path dir, String host, int port) {
        return BY_FILE.computeIfAbsent(dir.resolve("scansion-serial-" + host + "-" + port + ".lock"),
                ServerLock::new);
    }

    /** A non-serial script starts: the first one in flight takes the shared hold (waits for a serial one elsewhere). */
    void enterShared() {
        inJvm.readLock().lock();
        synchronized (this) {
            if (sharedHolders++ == 0) sharedChannel = acquire(true);
        }
    }

    /** A non-serial script ended: the last one in flight releases the shared hold. */
    void exitShared() {
        synchronized (this) {
            if (--sharedHolders == 0) {
                close(sharedChannel);
                sharedChannel = null;
            }
        }
        inJvm.readLock().unlock();
    }

    /** A serial script starts, alone in this process: waits until no other process has a script in flight. */
    FileChannel enterExclusive() {
        inJvm.writeLock().lock();
        return acquire(false);
    }

    /** Ends {@link #enterExclusive}, on the same thread. */
    void exitExclusive(FileChannel held) {
        close(held);
        inJvm.writeLock().unlock();
    }

    /** A channel holding the lock, or null when there is no file lock to be had (see the class comment). */
    private FileChannel acquire(boolean shared) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock(0, Long.MAX_VALUE, shared);
            return lock.channel();
        } catch (IOException | RuntimeException e) {
            // Interrupted (a cancel: the script stops at once anyway), unwritable, or refused.
            close(channel);
            return null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            // nothing held any more either way
        }
    }
}
