package dev.scansion.match;

import java.util.List;
import java.util.Map;

/** The verdict of one comparison: a value, never an exception. */
public sealed interface MatchResult permits MatchResult.Match, MatchResult.Mismatch {

    /** The stanza matched; {@code captures} are the values recorded by capture markers (name to value). */
    record Match(Map<String, String> captures) implements MatchResult {
        public Match {
            captures = Map.copyOf(captures);
        }
    }

    /**
     * The stanza did not match.
     *
     * @param differences what differs, most important first (never empty)
     * @param distance    how far the stanza is from the expectation, for ranking skipped candidates:
     *                    0 is closest; a stanza of another name/namespace is farther than one
     *                    that differs in one attribute
     */
    record Mismatch(List<Difference> differences, double distance) implements MatchResult {
        public Mismatch {
            differences = List.copyOf(differences);
        }
    }

    default boolean matched() {
        return this instanceof Match;
    }
}
