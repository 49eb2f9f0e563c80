package dev.scansion.exec;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.scansion.result.Failure;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.XmlElement;

/**
 * The executor's side of the accept mode ({@link Acceptor}): asks about a failed step, and when the
 * answer is yes, makes the run go on as if the step had passed. In skip mode a failed
 * {@code receives} has consumed every stanza up to its timeout; once its closest candidate is
 * accepted, those that arrived after the candidate are given back to the actor ({@link #trail}),
 * as a passing step would have left them for the next ones.
 */
final class Acceptance {
    /** Set-aside stanzas kept for giving back, at most: beyond it a step is not accepted. */
    static final int TRAIL_STANZAS = Limits.EXPLAINED;
    static final long TRAIL_CHARS = 4L * Limits.EXPLAINED_CHARS;

    private final Acceptor acceptor;
    private final Script script;
    private final Supplier<Map<String, String>> fullJids;

    Acceptance(Acceptor acceptor, Script script, Supplier<Map<String, String>> fullJids) {
        this.acceptor = acceptor;
        this.script = script;
        this.fullJids = fullJids;
    }

    boolean active() {
        return acceptor != Acceptor.NONE;
    }

    /** What the acceptor answered, and for a receive the captures of the rewritten expectation. */
    record Answer(Acceptor.Decision decision, Map<String, String> captures) {
    }

    /**
     * Asks about a failed step. An accepted rewrite that does not match {@code stanza} after all is
     * declined here (the step then fails as usual).
     */
    Acceptor.Decision ask(StepContext ctx, int step, int element, Failure failure, Optional<String> stanza)
            throws InterruptedException {
        Acceptor.Decision d = acceptor.propose(new Acceptor.Proposal(script, step, element,
                failure.masked(ctx.mask), stanza, ctx.bindings, fullJids.get()));
        if (!(d instanceof Acceptor.Decision.Accepted a) || a.expectation().isEmpty() || stanza.isEmpty()) return d;
        XmlElement rewritten = a.expectation().get();
        Optional<Map<String, String>> captures = ctx.expectations.verdict(rewritten, ctx.bindings, stanza.get());
        if (captures.isEmpty()) return new Acceptor.Decision.Declined("the rewritten expectation does not match");
        ctx.bindings.record(captures.get());
        return d;
    }

    /** The stanzas a {@code receives} set aside, in order, bounded; for giving back those after a candidate. */
    static final class Trail {
        private final List<Inbound> items = new ArrayList<>();
        private long chars;
        private boolean overflowed;

        void add(Inbound.Stanza item) {
            if (overflowed || items.size() >= TRAIL_STANZAS || chars + item.raw().length() > TRAIL_CHARS) {
                overflowed = true;
                return;
            }
            items.add(item);
            chars += item.raw().length();
        }

        /** The stanzas set aside after the one numbered {@code seq}; empty when not all were kept. */
        Optional<List<Inbound>> after(long seq) {
            if (overflowed) return Optional.empty();
            return Optional.of(List.copyOf(items.subList((int) Math.min(seq + 1, items.size()), items.size())));
        }
    }

    /** Gives stanzas back to an actor: the next reads take them first, in order. */
    static void giveBack(ActorState actor, List<Inbound> items) {
        Deque<Inbound> replay = actor.replay;
        for (int i = items.size() - 1; i >= 0; i--) replay.addFirst(items.get(i));
    }
}
