package dev.scansion.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Which received child a report should compare each expected child with. Children that match
 * exactly are paired first by the same maximum assignment as the verdict; each remaining
 * expected child is then paired with the most similar remaining received child of the same
 * name and namespace (so a wrong {@code role} is reported as a wrong attribute, not as a
 * missing {@code item}). Only expected children with no such candidate are "missing".
 */
final class ChildPairing {
    private final TreeMatcher exact;
    private final PairMemo<Integer> affinities;

    ChildPairing(TreeMatcher exact, int expectedSize, int receivedSize) {
        this.exact = exact;
        this.affinities = new PairMemo<>(expectedSize, receivedSize);
    }

    /**
     * @param assign for each expected child, the index of its received partner, or -1
     * @param exact  whether that partner matches it exactly (nothing to explain inside)
     */
    record Result(int[] assign, boolean[] exact) {
    }

    Result pair(List<ExpectedElement> exp, List<ReceivedElement> rec) {
        int[] assign = Assignment.maximum(rec.size(), Candidates.of(exp, rec),
                (i, j) -> exact.compatible(exp.get(i), rec.get(j)));
        boolean[] isExact = new boolean[exp.size()];
        boolean[] used = new boolean[rec.size()];
        for (int i = 0; i < assign.length; i++) {
            if (assign[i] >= 0) {
                used[assign[i]] = true;
                isExact[i] = true;
            }
        }
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < exp.size(); i++) {
            if (assign[i] >= 0) continue;
            for (int j = 0; j < rec.size(); j++) {
                if (!used[j] && exp.get(i).sameIdentity(rec.get(j))) {
                    candidates.add(new int[] {i, j, affinity(exp.get(i), rec.get(j))});
                }
            }
        }
        // Most similar first; among equals, the one nearest in position.
        candidates.sort((a, b) -> a[2] != b[2] ? Integer.compare(b[2], a[2])
                : Integer.compare(Math.abs(a[0] - a[1]), Math.abs(b[0] - b[1])));
        for (int[] c : candidates) {
            if (assign[c[0]] < 0 && !used[c[1]]) {
                assign[c[0]] = c[1];
                used[c[1]] = true;
            }
        }
        return new Result(assign, isExact);
    }

    /**
     * Expected children whose partners break the received order: those outside a heaviest run
     * of partners in increasing received position, where a pair that kept its position weighs
     * a little more (so a swap of the first and last child flags those two, not the middle one).
     */
    static boolean[] outOfOrder(int[] assign) {
        int n = assign.length;
        double[] best = new double[n];
        int[] prev = new int[n];
        int end = -1;
        for (int i = 0; i < n; i++) {
            prev[i] = -1;
            if (assign[i] < 0) continue;
            double own = assign[i] == i ? 1.5 : 1;
            best[i] = own;
            for (int k = 0; k < i; k++) {
                if (assign[k] >= 0 && assign[k] < assign[i] && best[k] + own > best[i]) {
                    best[i] = best[k] + own;
                    prev[i] = k;
                }
            }
            if (end < 0 || best[i] > best[end]) end = i;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = assign[i] >= 0;
        for (int i = end; i >= 0; i = prev[i]) out[i] = false;
        return out;
    }

    /** A similarity score for two elements of the same name: higher is closer. */
    private int affinity(ExpectedElement e, ReceivedElement r) {
        Integer known = affinities.get(e.index(), r.index());
        if (known != null) return known;
        int score = 1;
        for (ExpectedAttribute a : e.attributes()) {
            ReceivedAttribute got = r.attribute(a.namespace(), a.localName());
            if (got == null) continue;
            score++;
            if (!(a.check() instanceof Check.Equals eq) || eq.value().equals(got.value())) score++;
        }
        if (e.text() != null && e.text().check() instanceof Check.Equals eq && eq.value().equals(r.text())) score++;
        int[][] candidates = Candidates.of(e.children(), r.elements());
        for (int i = 0; i < candidates.length; i++) {
            ExpectedElement c = e.children().get(i);
            score += exactPartner(c, r.elements(), candidates[i]) ? perfect(c) : bestAffinity(c, r.elements());
        }
        affinities.put(e.index(), r.index(), score);
        return score;
    }

    private boolean exactPartner(ExpectedElement c, List<ReceivedElement> rec, int[] candidates) {
        for (int j : candidates) {
            if (exact.compatible(c, rec.get(j))) return true;
        }
        return false;
    }

    private int bestAffinity(ExpectedElement c, List<ReceivedElement> rec) {
        int best = 0;
        for (ReceivedElement rc : rec) {
            if (c.sameIdentity(rc)) best = Math.max(best, affinity(c, rc));
        }
        return best;
    }

    /** The score of an exact match: what {@link #affinity} gives when everything agrees. */
    private static int perfect(ExpectedElement e) {
        int score = 1 + 2 * e.attributes().size() + (e.text() != null && e.text().check() instanceof Check.Equals ? 1 : 0);
        for (ExpectedElement c : e.children()) score += perfect(c);
        return score;
    }
}
