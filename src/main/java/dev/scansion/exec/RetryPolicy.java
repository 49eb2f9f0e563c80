package dev.scansion.exec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;

/**
 * When a failed script is run again ({@code --retries}, {@code --retry-on}).
 *
 * <p>By default only the failures that may be the server's or the machine's rather than the
 * script's are retried: a {@code receives} that got nothing at all ({@code timeout}), a stream the
 * server closed ({@code stream_closed}), a write that failed ({@code send}), a connection that failed
 * after reaching the server ({@code connect}) or never reached it ({@code unreachable}). A content
 * mismatch that repeats is a real failure, so {@code mismatch} and the other kinds are retried only
 * when asked. An unparsable script ({@code invalid_script}) and a stopped run ({@code interrupted})
 * are never retried: running them again cannot change anything.
 *
 * @param retries how many times a failed script may run again (0: never)
 * @param on      the failure kinds that are retried
 */
public record RetryPolicy(int retries, Set<Failure.Kind> on) {
    /** The most retries allowed: each attempt is kept whole for the reports. */
    public static final int MAX_RETRIES = 10;
    public static final Set<Failure.Kind> DEFAULT_KINDS = Set.copyOf(EnumSet.of(Failure.Kind.TIMEOUT,
            Failure.Kind.STREAM_CLOSED, Failure.Kind.SEND, Failure.Kind.CONNECT, Failure.Kind.UNREACHABLE));
    private static final Set<Failure.Kind> NEVER = EnumSet.of(Failure.Kind.INVALID_SCRIPT, Failure.Kind.INTERRUPTED);
    public static final RetryPolicy NONE = new RetryPolicy(0, DEFAULT_KINDS);

    public RetryPolicy {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be between 0 and " + MAX_RETRIES + ", not " + retries);
        }
        on = on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
        for (Failure.Kind k : on) {
            if (NEVER.contains(k)) throw new IllegalArgumentException(name(k) + " is never retried");
        }
    }

    /** Whether {@code attempt} (the {@code n}-th, from 1) is run again. */
    public boolean retries(ScriptResult attempt, int n) {
        return n <= retries && attempt.failure().map(f -> on.contains(f.kind())).orElse(false);
    }

    /**
     * The kinds of {@code --retry-on}, named as the JSON report names them ({@code timeout},
     * {@code stream_closed}; {@code -} also accepted), comma-separated.
     */
    public static Set<Failure.Kind> parseKinds(String list) {
        Set<Failure.Kind> kinds = EnumSet.noneOf(Failure.Kind.class);
        for (String part : list.split(",")) {
            String name = part.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            if (name.isEmpty()) continue;
            Failure.Kind kind = null;
            for (Failure.Kind k : Failure.Kind.values()) if (k.name().equals(name)) kind = k;
            if (kind == null) {
                throw new IllegalArgumentException("unknown failure kind '" + part.trim() + "' (expected "
                        + String.join(", ", retriable()) + ")");
            }
            if (NEVER.contains(kind)) throw new IllegalArgumentException(name(kind) + " is never retried");
            kinds.add(kind);
        }
        if (kinds.isEmpty()) throw new IllegalArgumentException("no failure kind given");
        return kinds;
    }

    /** The kinds {@code --retry-on} accepts, as named there. */
    public static List<String> retriable() {
        List<String> names = new ArrayList<>();
        for (Failure.Kind k : Failure.Kind.values()) if (!NEVER.contains(k)) names.add(name(k));
        return names;
    }

    static String name(Failure.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
