package dev.scansion.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchResult;
import dev.scansion.text.Printable;

/**
 * The stanzas one {@code receives} set aside, kept bounded for the report whatever the server sends
 * (see {@link Limits}): the first {@link Limits#SET_ASIDE_KEPT} in arrival order (each cut at
 * {@link Limits#STANZA_CHARS}, all together at most {@link Limits#SET_ASIDE_CHARS}), the
 * {@link Limits#CLOSEST_KEPT} closest of those that were explained, and the count of all.
 * Explaining a mismatch (XMLUnit) costs far more than the verdict, so only the first
 * {@link Limits#EXPLAINED} mismatches of at most {@link Limits#EXPLAINED_CHARS} are explained.
 */
final class SetAsideLog {
    /**
     * An explained mismatch; {@code raw} already cut. {@code seq} is its place among the stanzas set
     * aside (0-based) and {@code whole} the stanza as it arrived, for the accept mode (the closest few
     * only, each at most {@link Limits#EXPLAINED_CHARS}).
     */
    record Candidate(String raw, MatchResult.Mismatch mismatch, long seq, String whole) {
    }

    /** How a stanza is kept: masked, then cut (see {@link StepContext#kept}). */
    private final java.util.function.UnaryOperator<String> keep;
    private final List<String> first = new ArrayList<>();
    private final List<Candidate> closest = new ArrayList<>();
    private long count;
    private long keptChars;
    private int explained;

    SetAsideLog(java.util.function.UnaryOperator<String> keep) {
        this.keep = keep;
    }

    /** Whether a mismatch on {@code raw} should be explained: budget left and not too large. */
    boolean explains(String raw) {
        return explained < Limits.EXPLAINED && raw.length() <= Limits.EXPLAINED_CHARS;
    }

    /** Records a stanza that did not match, with its explanation when {@link #explains} said so. */
    void add(String raw, Optional<MatchResult.Mismatch> explanation) {
        long seq = count++;
        String kept = keep.apply(raw);
        if (first.size() < Limits.SET_ASIDE_KEPT && keptChars + kept.length() <= Limits.SET_ASIDE_CHARS) {
            first.add(kept);
            keptChars += kept.length();
        }
        if (explanation.isEmpty()) return;
        explained++;
        Candidate c = new Candidate(kept, explanation.get(), seq, raw);
        int at = 0;
        // Stable: among equal distances the earlier arrival stays first.
        while (at < closest.size() && closest.get(at).mismatch().distance() <= c.mismatch().distance()) at++;
        if (at < Limits.CLOSEST_KEPT) closest.add(at, c);
        if (closest.size() > Limits.CLOSEST_KEPT) closest.remove(closest.size() - 1);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** How many stanzas were set aside in all. */
    long count() {
        return count;
    }

    /** The kept stanzas, in arrival order (cut). */
    List<String> kept() {
        return List.copyOf(first);
    }

    /** The closest explained stanzas, closest first (at most {@link Limits#CLOSEST_KEPT}). */
    List<Candidate> closestFew() {
        return List.copyOf(closest);
    }

    /** A stanza as kept in a result: cut at {@link Limits#STANZA_CHARS} with its size. */
    static String cut(String raw) {
        return Printable.cut(raw, Limits.STANZA_CHARS);
    }

    /** Differences with their values cut as stanzas are (a difference can quote a huge text). */
    static List<Difference> cut(List<Difference> differences) {
        return differences.stream().map(d -> new Difference(d.expectedAt(), d.path(), d.reason(), cut(d.expected()),
                cut(d.received()))).toList();
    }
}
