package dev.scansion.result;

/**
 * The entry of a known-failures file that names a script: the script still runs, and its test
 * failure does not fail the gate (see docs/ci.md).
 *
 * @param pattern the path or glob as written
 * @param reason  why the failure is known, as written
 * @param source  where the entry is: {@code FILE:line}
 */
public record KnownFailure(String pattern, String reason, String source) {
    public KnownFailure {
        java.util.Objects.requireNonNull(pattern);
        java.util.Objects.requireNonNull(reason);
        java.util.Objects.requireNonNull(source);
    }

    /** The file the entry is in ({@code source} without its line). */
    public String file() {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }
}
