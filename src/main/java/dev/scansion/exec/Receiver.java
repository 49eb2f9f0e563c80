package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchResult;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.StepOutcome;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.XmlElement;

/**
 * {@code receives} and {@code receives: nothing} (language doc §4). A wait ends on its clock
 * whatever arrives: the deadline is checked before each item is taken and compared, and what is
 * set aside is kept bounded ({@link SetAsideLog}).
 */
final class Receiver {
    private final StepContext ctx;

    Receiver(StepContext ctx) {
        this.ctx = ctx;
    }

    StepOutcome receive(ActorState actor, Step.Receive step, int index) throws InterruptedException {
        long deadline = System.nanoTime() + ctx.config.receiveTimeout().toNanos();
        List<XmlElement> payload = step.payload();
        Accepted accepted = new Accepted();
        for (int i = 0; i < payload.size(); i++) {
            Optional<Failure> unbound = ctx.unbound(List.of(payload.get(i)), step);
            if (unbound.isPresent()) return new StepOutcome.Failed(unbound.get());
            Miss miss = expect(actor, step, i, deadline);
            if (miss == null) continue;
            Optional<Acceptor.Decision.Accepted> yes = accept(actor, index, i, miss);
            if (yes.isEmpty()) return new StepOutcome.Failed(miss.failure);
            accepted.add(miss.failure, yes.get().change());
            // A receives at which nothing arrived became receives: nothing; no later element is awaited.
            if (yes.get().expectation().isEmpty()) break;
        }
        return accepted.outcome();
    }

    /** The accepted failures of one step: the first is the one reported, the changes are joined. */
    private static final class Accepted {
        private Failure first;
        private final List<String> changes = new java.util.ArrayList<>();

        void add(Failure failure, String change) {
            if (first == null) first = failure;
            changes.add(change);
        }

        StepOutcome outcome() {
            return first == null ? StepOutcome.Passed.plain() : new StepOutcome.Accepted(first, String.join("; ", changes));
        }
    }

    /**
     * An expected element that did not arrive: the failure, the stanza the accept mode would take
     * instead (empty when none), and what to give back to the actor once it is taken.
     */
    private record Miss(Failure failure, Optional<String> stanza, List<Inbound> after, String unacceptable) {
        static Miss plain(Failure failure, String why) {
            return new Miss(failure, Optional.empty(), List.of(), why);
        }
    }

    /** Asks the accept mode, when there is one and the failure is of a kind it can take. */
    private Optional<Acceptor.Decision.Accepted> accept(ActorState actor, int index, int element, Miss miss)
            throws InterruptedException {
        if (!ctx.acceptance.active() || !miss.unacceptable().isEmpty()) return Optional.empty();
        Acceptor.Decision d = ctx.acceptance.ask(ctx, index, element, miss.failure(), miss.stanza());
        if (!(d instanceof Acceptor.Decision.Accepted a)) return Optional.empty();
        Acceptance.giveBack(actor, miss.after());
        return Optional.of(a);
    }

    /** Takes the next item: one given back by the accept mode first, else the session's (into the transcript). */
    private Optional<Inbound> take(ActorState actor, Duration wait) throws InterruptedException {
        Inbound again = actor.replay.poll();
        if (again != null) return Optional.of(again);
        Optional<Inbound> next = actor.session.next(wait);
        next.ifPresent(item -> ctx.record(actor, item));
        return next;
    }

    /** Waits for the i-th expected element; null when it matched. */
    private Miss expect(ActorState actor, Step.Receive step, int i, long deadline)
            throws InterruptedException {
        XmlElement expected = step.payload().get(i);
        Reason.Expected which = new Reason.Expected(where(expected, step), i, step.payload().size());
        SetAsideLog setAside = new SetAsideLog(ctx::kept);
        Acceptance.Trail trail = ctx.acceptance.active() ? new Acceptance.Trail() : null;
        while (true) {
            long left = deadline - System.nanoTime();
            // A flood keeps the buffer non-empty: without this check the wait would never end.
            if (left <= 0) return timedOut(actor, step, which, setAside, trail);
            Optional<Inbound> next = take(actor, Duration.ofNanos(left));
            if (next.isEmpty()) return timedOut(actor, step, which, setAside, trail);
            Inbound item = next.get();
            if (item.terminal()) {
                return Miss.plain(closed(actor, step, Optional.of(which), item, setAside), "the stream ended");
            }
            String raw = ((Inbound.Stanza) item).raw();
            Optional<Map<String, String>> captures = ctx.expectations.verdict(expected, ctx.bindings, raw);
            if (captures.isPresent()) {
                ctx.clock.verdict(item.at());
                ctx.bindings.record(captures.get());
                return null;
            }
            if (ctx.config.receiveMode() == ReceiveMode.NEXT) {
                return new Miss(ctx.failure(new Reason.NextMismatch(which,
                        new Reason.Candidate(ctx.kept(raw), explain(expected, raw, step))), step), Optional.of(raw),
                        List.of(), "");
            }
            setAside.add(raw, setAside.explains(raw) ? Optional.of(mismatch(expected, raw)) : Optional.empty());
            if (trail != null) trail.add((Inbound.Stanza) item);
        }
    }

    private MatchResult.Mismatch mismatch(XmlElement expected, String raw) {
        MatchResult result = ctx.expectations.match(expected, ctx.bindings, raw);
        // The verdict said no; a matcher that disagrees on a second look still leaves a mismatch.
        return result instanceof MatchResult.Mismatch m ? m : new MatchResult.Mismatch(List.of(), Double.MAX_VALUE);
    }

    /** The differences of one rejected stanza, or one line saying it is too large to explain. */
    private List<Difference> explain(XmlElement expected, String raw, Step step) {
        if (raw.length() <= Limits.EXPLAINED_CHARS) return SetAsideLog.cut(mismatch(expected, raw).differences());
        return List.of(tooLarge(expected, step));
    }

    private Difference tooLarge(XmlElement expected, Step step) {
        return new Difference(where(expected, step), "/", "does not match; not explained in detail: the stanza is "
                + "larger than " + (Limits.EXPLAINED_CHARS >> 10) + " KiB", "", "");
    }

    private dev.scansion.script.ast.SourceSpan where(XmlElement expected, Step step) {
        return expected.pos() == null ? step.span() : ctx.span(expected.pos());
    }

    private Miss timedOut(ActorState actor, Step.Receive step, Reason.Expected which, SetAsideLog setAside,
                          Acceptance.Trail trail) {
        Duration waited = ctx.config.receiveTimeout();
        Reason.Dropped dropped = new Reason.Dropped(actor.name(), actor.session.dropped());
        if (setAside.isEmpty()) {
            return Miss.plain(ctx.failure(new Reason.NothingArrived(which, waited, dropped), step), "");
        }
        List<SetAsideLog.Candidate> closest = setAside.closestFew();
        List<Reason.Candidate> candidates = closest.stream().map(c -> new Reason.Candidate(c.raw(),
                SetAsideLog.cut(c.mismatch().differences()))).toList();
        if (candidates.isEmpty()) {
            XmlElement expected = step.payload().get(which.index());
            candidates = List.of(new Reason.Candidate(setAside.kept().isEmpty() ? "" : setAside.kept().get(0),
                    List.of(tooLarge(expected, step))));
        }
        Failure failure = ctx.failure(new Reason.NoMatch(which, waited, candidates,
                new Reason.SetAside(setAside.kept(), setAside.count()), dropped), step);
        if (closest.isEmpty()) return Miss.plain(failure, "the stanzas that arrived are too large to compare");
        SetAsideLog.Candidate best = closest.get(0);
        Optional<List<Inbound>> after = trail == null ? Optional.of(List.of()) : trail.after(best.seq());
        if (after.isEmpty()) return Miss.plain(failure, "too many stanzas arrived to give back those after the closest");
        return new Miss(failure, Optional.of(best.whole()), after.get(), "");
    }

    private Failure closed(ActorState actor, Step step, Optional<Reason.Expected> which, Inbound end,
                           SetAsideLog setAside) {
        return ctx.failure(new Reason.StreamClosed(actor.name(), which, end.describe(),
                end instanceof Inbound.StreamError e ? Optional.of(ctx.kept(e.raw())) : Optional.empty(),
                new Reason.SetAside(setAside.kept(), setAside.count())), step);
    }

    StepOutcome receiveNothing(ActorState actor, Step.ReceiveNothing step, int index) throws InterruptedException {
        Optional<Inbound> next = take(actor, ctx.config.nothingWait());
        if (next.isEmpty()) return StepOutcome.Passed.plain();
        Inbound item = next.get();
        if (item.terminal()) {
            return new StepOutcome.Failed(closed(actor, step, Optional.empty(), item, new SetAsideLog(ctx::kept)));
        }
        String raw = ((Inbound.Stanza) item).raw();
        Failure failure = ctx.failure(new Reason.Unexpected(ctx.kept(raw)), step);
        Optional<Acceptor.Decision.Accepted> yes = accept(actor, index, 0, new Miss(failure, Optional.of(raw),
                List.of(), ""));
        return yes.<StepOutcome>map(a -> new StepOutcome.Accepted(failure, a.change()))
                .orElseGet(() -> new StepOutcome.Failed(failure));
    }
}
