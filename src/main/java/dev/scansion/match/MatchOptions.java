package dev.scansion.match;

/** @param strictCaptures later occurrences of a capture name must equal the first recorded value */
public record MatchOptions(boolean strictCaptures) {
    public static final MatchOptions DEFAULT = new MatchOptions(false);
}
