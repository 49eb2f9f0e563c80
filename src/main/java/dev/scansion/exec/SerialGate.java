package dev.scansion.exec;

import java.nio.channels.FileChannel;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import dev.scansion.script.ast.Script;

/**
 * Keeps a script tagged {@code ## serial} alone: no other script is in flight while it runs.
 * Every script holds the gate shared while it runs, a serial one exclusively. The lock is fair, so
 * a serial script waiting for the scripts in flight also holds back the ones that would start
 * after it: it runs as soon as those in flight have ended, then the others go on. Other processes
 * running against the same server are kept apart the same way through a {@link ServerLock}.
 */
public final class SerialGate {
    /** The header tag ({@code ## serial}) of a script that must run alone. */
    public static final String TAG = "serial";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ServerLock server;

    /** Inside this process and, through {@code server}'s lock file, across processes. */
    SerialGate(ServerLock server) {
        this.server = server;
    }

    /** Whether {@code script} must run with no other script in flight. */
    public static boolean isSerial(Script script) {
        return script.hasTag(TAG);
    }

    /**
     * Runs {@code work} once the gate lets {@code script} in. The wait is not interruptible: a
     * cancel interrupts the scripts in flight, which then end, and the script's own steps see the
     * cancel at once.
     */
    <T> T through(Script script, Supplier<T> work) {
        boolean serial = isSerial(script);
        Lock l = serial ? lock.writeLock() : lock.readLock();
        l.lock();
        try {
            if (serial) {
                FileChannel held = server.enterExclusive();
                try {
                    return work.get();
                } finally {
                    server.exitExclusive(held);
                }
            }
            server.enterShared();
            try {
                return work.get();
            } finally {
                server.exitShared();
            }
        } finally {
            l.unlock();
        }
    }
}
