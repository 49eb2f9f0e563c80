package dev.scansion.accept;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a rewritten script in place, whole or not at all, and only over the bytes it was read as:
 * under a lock per file (a lock file in the temporary directory, held while the file is compared
 * and replaced; the operating system drops it if the process dies, and a lock inside the JVM for
 * its threads), the file is read again and compared with what the run read; then the new text goes
 * into a temporary file beside it (with the script's permissions) and is renamed over it. Two runs
 * accepting into one script cannot clobber each other: the second finds the file changed and
 * refuses.
 */
final class ScriptWriter {
    /** The write was refused or failed; the message says why, the file is as it was. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final long WAIT_SECONDS = 10;

    private ScriptWriter() {
    }

    /** Replaces {@code file}'s content, which must still be {@code expected}, by {@code text} (UTF-8). */
    static void replace(Path file, byte[] expected, String text) throws Refused {
        Path target = file.toAbsolutePath().normalize();
        ReentrantLock local = IN_JVM.computeIfAbsent(target, p -> new ReentrantLock());
        try {
            if (!local.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) throw new Refused(file + ": another write holds it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(file + ": interrupted while waiting to write");
        }
        try (FileChannel lockFile = FileChannel.open(lockFile(target), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = acquire(lockFile, file);
            try {
                compareAndReplace(file, target, expected, text);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new Refused(file + ": cannot take the write lock: " + e.getMessage());
        } finally {
            local.unlock();
        }
    }

    private static void compareAndReplace(Path file, Path target, byte[] expected, String text) throws Refused {
        if (!Files.isWritable(target) || readOnly(target)) throw new Refused(file + " is not writable; left as it was");
        byte[] now;
        try {
            now = Files.readAllBytes(target);
        } catch (IOException e) {
            throw new Refused(file + ": cannot read it again: " + e.getMessage());
        }
        if (!Arrays.equals(now, expected)) {
            throw new Refused(file + " changed on disk since the run read it; not overwritten");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
            copyPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (AccessDeniedException e) {
            throw new Refused(file + ": its directory is not writable; left as it was");
        } catch (IOException e) {
            throw new Refused(file + ": cannot write: " + e.getMessage() + "; left as it was");
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the temporary file's name says what it is; nothing else to do
            }
        }
    }

    /**
     * A file without its owner's write permission is left alone even by a user who could write it
     * anyway (root): someone marked it read-only.
     */
    private static boolean readOnly(Path target) {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        try {
            return view != null && !view.readAttributes().permissions()
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return true;
        }
    }

    private static FileLock acquire(FileChannel channel, Path file) throws IOException, Refused {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
            if (System.nanoTime() > until) throw new Refused(file + ": another run is writing it");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(file + ": interrupted while waiting to write");
            }
        }
    }

    private static Path lockFile(Path target) {
        String key = HexFormat.of().formatHex(Arrays.copyOf(sha256(target.toString()), 8));
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("scansion-accept-" + key + ".lock");
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src != null && dst != null) dst.setPermissions(src.readAttributes().permissions());
    }

    /** Writes a new file (the patch) whole: a temporary file beside it, renamed over it. */
    static void writeNew(Path file, String text) throws Refused {
        Path target = file.toAbsolutePath().normalize();
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new Refused("cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // as above
            }
        }
    }
}
