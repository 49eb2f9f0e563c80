package dev.scansion.isolate;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Suffixes unique across the runs of one process (a counter) and across processes (the process id,
 * and random characters for processes on other machines or in containers that share a pid).
 * Lower-case letters, digits and {@code _} only: valid in a JID localpart after nodeprep, unchanged
 * by it, and never escaped in XML. Short: {@code k3x9_0ab7} for the first run of pid 1234567.
 */
public final class Suffixes {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARS = 3;

    private Suffixes() {
    }

    /** A new suffix: {@code <pid>_<counter><3 random>}, numbers in base 36. */
    public static String next() {
        return of(ProcessHandle.current().pid(), COUNTER.getAndIncrement(), RANDOM);
    }

    /**
     * The counter is followed by a fixed number of random characters and preceded by {@code _}, so
     * two different (pid, counter) pairs never give the same suffix.
     */
    static String of(long pid, long counter, java.util.Random random) {
        StringBuilder sb = new StringBuilder(Long.toString(pid, 36)).append('_').append(Long.toString(counter, 36));
        for (int i = 0; i < RANDOM_CHARS; i++) sb.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        return sb.toString();
    }
}
