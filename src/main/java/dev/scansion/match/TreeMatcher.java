package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict: does a received tree satisfy an expected one (language doc §6)? One instance per
 * comparison (it holds the capture log and a memo). Loose children are an assignment problem:
 * each expected child needs a distinct received child. When the pairs are independent (the usual
 * case), compatibility is memoised per (expected, received) pair and a maximum bipartite
 * matching (augmenting paths) decides: polynomial even for many look-alike siblings. With
 * strict captures, a capture in one child constrains the others, so those sibling groups are
 * searched by backtracking over the capture log instead.
 */
final class TreeMatcher {
    /** Memo value for "does not match" (distinct from an empty capture list). */
    private static final List<String[]> FAIL = java.util.Collections.unmodifiableList(new ArrayList<>());

    private final Bindings bindings;
    private final boolean strictCaptures;
    /** Captures recorded so far along the current search path: {name, value}. */
    private final List<String[]> log = new ArrayList<>();
    private final PairMemo<List<String[]>> memo;
    private final int expectedSize;
    private final int receivedSize;
    /** Capture-blind twin, to prune the strict-captures search to children that could match at all. */
    private TreeMatcher relaxed;
    /** Steps left for strict-captures searches: a pathological payload must not hang a run. */
    private int budget = SEARCH_BUDGET;
    static final int SEARCH_BUDGET = 200_000;

    /** {@code expectedSize}/{@code receivedSize}: element counts of the two trees (memo dimensions). */
    TreeMatcher(Bindings bindings, boolean strictCaptures, int expectedSize, int receivedSize) {
        this.bindings = bindings;
        this.strictCaptures = strictCaptures;
        this.memo = new PairMemo<>(expectedSize, receivedSize);
        this.expectedSize = expectedSize;
        this.receivedSize = receivedSize;
    }

    /** Whether a strict-captures search ran out of steps (the verdict is then "no match", unproven). */
    boolean gaveUp() {
        return budget < 0;
    }

    /** Matches and, on success, returns the captures in recording order (last one wins). */
    Optional<Map<String, String>> match(ExpectedElement e, ReceivedElement r) {
        log.clear();
        if (!matches(e, r)) return Optional.empty();
        Map<String, String> captures = new HashMap<>();
        for (String[] c : log) captures.put(c[0], c[1]);
        return Optional.of(captures);
    }

    /** The context-free verdict for a pair (captures never compared): used to pair children in reports. */
    boolean compatible(ExpectedElement e, ReceivedElement r) {
        return e.sameIdentity(r) && pairCaptures(e, r) != FAIL;
    }

    boolean matches(ExpectedElement e, ReceivedElement r) {
        if (!e.sameIdentity(r)) return false;
        if (e.strict() && r.attributes().size() > e.attributes().size()) return false;
        for (ExpectedAttribute a : e.attributes()) {
            ReceivedAttribute got = r.attribute(a.namespace(), a.localName());
            if (got == null || !accepts(a.check(), got.value())) return false;
        }
        if (e.text() != null) {
            Check c = e.text().check();
            boolean markerNeedsText = !(c instanceof Check.Equals) && r.text().isEmpty();
            if (markerNeedsText || !accepts(c, r.text())) return false;
        }
        return e.strict() ? strictChildren(e, r) : looseChildren(e, r);
    }

    private boolean accepts(Check check, String value) {
        if (check instanceof Check.Equals eq) return eq.value().equals(value);
        if (check instanceof Check.CaptureAs cap) {
            if (strictCaptures) {
                String earlier = earlierCapture(cap.name());
                if (earlier != null && !earlier.equals(value)) return false;
            }
            log.add(new String[] {cap.name(), value});
            return true;
        }
        return check instanceof Check.AnyValue;
    }

    /** The value recorded earlier in this stanza, else the one bound by earlier steps, else null. */
    String earlierCapture(String name) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i)[0].equals(name)) return log.get(i)[1];
        }
        return bindings.capture(name).orElse(null);
    }

    private boolean strictChildren(ExpectedElement e, ReceivedElement r) {
        List<ExpectedElement> exp = e.children();
        List<ReceivedElement> rec = r.elements();
        if (exp.size() != rec.size()) return false;
        for (int i = 0; i < exp.size(); i++) {
            if (!matchChild(exp.get(i), rec.get(i))) return false;
        }
        return true;
    }

    private boolean looseChildren(ExpectedElement e, ReceivedElement r) {
        List<ExpectedElement> exp = e.children();
        List<ReceivedElement> rec = r.elements();
        if (exp.isEmpty()) return true;
        if (exp.size() > rec.size()) return false;
        if (strictCaptures) {
            for (ExpectedElement c : exp) {
                if (c.hasCapture()) return searchWithCaptures(exp, rec);
            }
        }
        int[] assigned = Assignment.maximum(rec.size(), Candidates.of(exp, rec),
                (i, j) -> compatible(exp.get(i), rec.get(j)));
        for (int i = 0; i < exp.size(); i++) {
            if (assigned[i] < 0) return false;
        }
        for (int i = 0; i < exp.size(); i++) {
            log.addAll(pairCaptures(exp.get(i), rec.get(assigned[i])));
        }
        return true;
    }

    /** Strict captures: only children that match when captures are ignored are worth a search. */
    private boolean searchWithCaptures(List<ExpectedElement> exp, List<ReceivedElement> rec) {
        if (relaxed == null) relaxed = new TreeMatcher(bindings, false, expectedSize, receivedSize);
        int[][] candidates = Candidates.of(exp, rec);
        for (int i = 0; i < candidates.length; i++) {
            ExpectedElement e = exp.get(i);
            candidates[i] = java.util.Arrays.stream(candidates[i]).filter(j -> relaxed.compatible(e, rec.get(j))).toArray();
            if (candidates[i].length == 0) return false;
        }
        return backtrack(exp, rec, candidates, 0, new boolean[rec.size()]);
    }

    /** Tries expected child {@code i} against each unused candidate, undoing captures on failure. */
    private boolean backtrack(List<ExpectedElement> exp, List<ReceivedElement> rec, int[][] candidates, int i,
                              boolean[] used) {
        if (i == exp.size()) return true;
        ExpectedElement e = exp.get(i);
        for (int j : candidates[i]) {
            if (used[j]) continue;
            if (--budget < 0) return false;
            int mark = log.size();
            if (matchChild(e, rec.get(j))) {
                used[j] = true;
                if (backtrack(exp, rec, candidates, i + 1, used)) return true;
                used[j] = false;
            }
            truncate(mark);
        }
        return false;
    }

    /** A child pair in context: memoised unless strict captures make it depend on the log. */
    private boolean matchChild(ExpectedElement e, ReceivedElement r) {
        if (strictCaptures && e.hasCapture()) return matches(e, r);
        if (!e.sameIdentity(r)) return false;
        List<String[]> caps = pairCaptures(e, r);
        if (caps == FAIL) return false;
        log.addAll(caps);
        return true;
    }

    /**
     * The captures a context-free pair records, or FAIL. Only called where the verdict cannot
     * depend on earlier captures (no strict captures, or no capture in the subtree), which is
     * what makes the memo sound.
     */
    private List<String[]> pairCaptures(ExpectedElement e, ReceivedElement r) {
        List<String[]> known = memo.get(e.index(), r.index());
        if (known != null) return known;
        int mark = log.size();
        boolean ok = matches(e, r);
        List<String[]> caps = !ok ? FAIL : log.size() == mark ? List.of() : List.copyOf(log.subList(mark, log.size()));
        truncate(mark);
        memo.put(e.index(), r.index(), caps);
        return caps;
    }

    private void truncate(int mark) {
        log.subList(mark, log.size()).clear();
    }
}
