package dev.scansion.script;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * One of {@code total} shards of a selection, {@code index} counted from 1 ({@code --shard 2/4}).
 * Which scripts a shard gets is {@link ShardSelection#shard}: round-robin over the selection sorted
 * by path.
 *
 * @param index  1 to {@code total}
 * @param total  at least 1
 */
public record Shard(int index, int total) {
    /** Bazel's test sharding environment (0-based index). */
    public static final String TOTAL_ENV = "TEST_TOTAL_SHARDS";
    public static final String INDEX_ENV = "TEST_SHARD_INDEX";
    public static final String STATUS_FILE_ENV = "TEST_SHARD_STATUS_FILE";

    public Shard {
        if (total < 1) throw new IllegalArgumentException("the number of shards must be at least 1, not " + total);
        if (index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + " of " + total + " does not exist (1 to " + total + ")");
        }
    }

    /** Parses {@code K/N}; the message of the exception says what is wrong, for a usage error. */
    public static Shard parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("expected K/N (e.g. 2/4), not '" + text + "'");
        return new Shard(number(s.substring(0, slash), text), number(s.substring(slash + 1), text));
    }

    /**
     * The shard Bazel asks for, when {@link #TOTAL_ENV} and {@link #INDEX_ENV} are both set.
     *
     * @param env the environment (tests give their own)
     * @throws IllegalArgumentException when they are set to something that is not a shard
     */
    public static Optional<Shard> fromEnvironment(Function<String, String> env) {
        String total = env.apply(TOTAL_ENV);
        String index = env.apply(INDEX_ENV);
        if (blank(total) && blank(index)) return Optional.empty();
        if (blank(total) || blank(index)) {
            throw new IllegalArgumentException(TOTAL_ENV + " and " + INDEX_ENV + " must be set together");
        }
        try {
            String both = index.trim() + "/" + total.trim();
            return Optional.of(new Shard(number(index, both) + 1, number(total, both)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TOTAL_ENV + "=" + total + ", " + INDEX_ENV + "=" + index
                    + " (0-based): " + e.getMessage());
        }
    }

    /** The file Bazel wants touched to know the runner shards ({@link #STATUS_FILE_ENV}), if set. */
    public static Optional<Path> statusFile(Function<String, String> env) {
        String name = env.apply(STATUS_FILE_ENV);
        return blank(name) ? Optional.empty() : Optional.of(Path.of(name.trim()));
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }

    private static int number(String part, String whole) {
        try {
            return Integer.parseInt(part.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected K/N with whole numbers (e.g. 2/4), not '" + whole + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
