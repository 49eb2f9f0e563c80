package dev.scansion.recorder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.scansion.author.Generaliser.ValueRef;
import dev.scansion.match.Difference;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.script.ast.SourcePos;

/**
 * Which recorded values a failed replay shows to differ: read from the failure's data (the
 * candidates' differences and where in the written script each expectation stands), never from
 * its words.
 */
final class VerifWidening {
    private VerifWidening() {
    }

    /**
     * The values to widen so that the failed {@code receives} would match: those of the first
     * candidate (closest first) whose every difference points at a value written literally from
     * the recording and not widened yet. Empty when no candidate is like that (a missing element,
     * a stanza that never came, a failure other than a mismatch): widening cannot help.
     *
     * @param file    the written script's name as the replay reports positions in it
     * @param origins where each literal received value stands in the written script
     */
    static Set<ValueRef> toWiden(ScriptResult replay, String file, Map<SourcePos, ValueRef> origins,
                                 Set<ValueRef> widened) {
        List<Reason.Candidate> candidates = replay.failure().map(VerifWidening::candidates).orElse(List.of());
        for (Reason.Candidate c : candidates) {
            Set<ValueRef> refs = refs(c.differences(), file, origins, widened);
            if (!refs.isEmpty()) return refs;
        }
        return Set.of();
    }

    /** Skip mode names the closest few stanzas, next mode the one that came. */
    private static List<Reason.Candidate> candidates(Failure f) {
        if (f.reason() instanceof Reason.NoMatch m) return m.candidates();
        if (f.reason() instanceof Reason.NextMismatch n) return List.of(n.received());
        return List.of();
    }

    /** Every difference's value, or none when one of them is not a recorded value that can still widen. */
    private static Set<ValueRef> refs(List<Difference> differences, String file, Map<SourcePos, ValueRef> origins,
                                      Set<ValueRef> widened) {
        Set<ValueRef> refs = new LinkedHashSet<>();
        for (Difference d : differences) {
            ValueRef ref = d.expectedAt().file().equals(file) ? origins.get(d.expectedAt().pos()) : null;
            if (ref == null || widened.contains(ref)) return Set.of();
            refs.add(ref);
        }
        return refs;
    }
}
