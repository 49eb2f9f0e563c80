package dev.scansion.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each expected child, the received children that could possibly match it: same name and
 * namespace, and, when the expected child has a literal attribute, the same value for it.
 * Large sibling groups (40 disco features) are indexed by that attribute's value, so each
 * expected child meets about one candidate instead of every sibling.
 */
final class Candidates {
    private static final int INDEX_FROM = 16;

    private Candidates() {
    }

    static int[][] of(List<ExpectedElement> exp, List<ReceivedElement> rec) {
        int[][] out = new int[exp.size()][];
        boolean index = (long) exp.size() * rec.size() >= INDEX_FROM;
        Map<String, Map<String, List<Integer>>> byAttribute = index ? new HashMap<>() : null;
        for (int i = 0; i < exp.size(); i++) {
            ExpectedElement e = exp.get(i);
            ExpectedAttribute key = index ? keyAttribute(e) : null;
            if (key == null) {
                out[i] = sameIdentity(e, rec);
                continue;
            }
            String name = key.namespace() + "}" + key.localName();
            List<Integer> hits = byAttribute.computeIfAbsent(name, n -> valueIndex(key, rec))
                    .getOrDefault(((Check.Equals) key.check()).value(), List.of());
            int[] js = new int[hits.size()];
            int n = 0;
            for (int j : hits) {
                if (e.sameIdentity(rec.get(j))) js[n++] = j;
            }
            out[i] = n == js.length ? js : java.util.Arrays.copyOf(js, n);
        }
        return out;
    }

    private static ExpectedAttribute keyAttribute(ExpectedElement e) {
        for (ExpectedAttribute a : e.attributes()) {
            if (a.check() instanceof Check.Equals) return a;
        }
        return null;
    }

    private static Map<String, List<Integer>> valueIndex(ExpectedAttribute key, List<ReceivedElement> rec) {
        Map<String, List<Integer>> byValue = new HashMap<>();
        for (int j = 0; j < rec.size(); j++) {
            ReceivedAttribute a = rec.get(j).attribute(key.namespace(), key.localName());
            if (a != null) byValue.computeIfAbsent(a.value(), v -> new ArrayList<>(1)).add(j);
        }
        return byValue;
    }

    private static int[] sameIdentity(ExpectedElement e, List<ReceivedElement> rec) {
        int[] js = new int[rec.size()];
        int n = 0;
        for (int j = 0; j < rec.size(); j++) {
            if (e.sameIdentity(rec.get(j))) js[n++] = j;
        }
        return n == js.length ? js : java.util.Arrays.copyOf(js, n);
    }
}
