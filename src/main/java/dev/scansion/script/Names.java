package dev.scansion.script;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" help for misspelt actor names and verbs. */
final class Names {
    private Names() {
    }

    /** {@code base}, followed by "; did you mean 'X'?" when one candidate is close to {@code written}. */
    static String suggestion(String written, Collection<String> candidates, String base) {
        return closest(written, candidates).map(best -> base + "; did you mean '" + best + "'?").orElse(base);
    }

    /** The candidate nearest to {@code written} (ignoring case) when it is close enough to be a typo. */
    static Optional<String> closest(String written, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(written.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(1, Math.min(3, best.length() / 3));
        return close ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
     * alignment), as that is the commonest typo: "Romoe" is one edit from "Romeo". Bounded work:
     * long inputs are simply "far".
     */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) return a.equals(b) ? 0 : Integer.MAX_VALUE;
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
