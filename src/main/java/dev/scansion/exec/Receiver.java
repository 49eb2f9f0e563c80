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

    StepOutcome receive(ActorState actor, Step.Receive step) throws InterruptedException {
        long deadline = System.nanoTime() + ctx.config.receiveTimeout().toNanos();
        List<XmlElement> payload = step.payload();
        for (int i = 0; i < payload.size(); i++) {
            Optional<Failure> unbound = ctx.unbound(List.of(payload.get(i)), step);
            if (unbound.isPresent()) return new StepOutcome.Failed(unbound.get());
            Optional<Failure> failed = expect(actor, step, i, deadline);
            if (failed.isPresent()) return new StepOutcome.Failed(failed.get());
        }
        return StepOutcome.Passed.plain();
    }

    /** Waits for the i-th expected element; empty when it matched. */
    private Optional<Failure> expect(ActorState actor, Step.Receive step, int i, long deadline)
            throws InterruptedException {
        XmlElement expected = step.payload().get(i);
        Reason.Expected which = new Reason.Expected(where(expected, step), i, step.payload().size());
        SetAsideLog setAside = new SetAsideLog(ctx::kept);
        while (true) {
            long left = deadline - System.nanoTime();
            // A flood keeps the buffer non-empty: without this check the wait would never end.
            if (left <= 0) return Optional.of(timedOut(actor, step, which, setAside));
            Optional<Inbound> next = actor.session.next(Duration.ofNanos(left));
            if (next.isEmpty()) return Optional.of(timedOut(actor, step, which, setAside));
            Inbound item = next.get();
            ctx.record(actor, item);
            if (item.terminal()) return Optional.of(closed(actor, step, Optional.of(which), item, setAside));
            String raw = ((Inbound.Stanza) item).raw();
            Optional<Map<String, String>> captures = ctx.expectations.verdict(expected, ctx.bindings, raw);
            if (captures.isPresent()) {
                ctx.clock.verdict(item.at());
                ctx.bindings.record(captures.get());
                return Optional.empty();
            }
            if (ctx.config.receiveMode() == ReceiveMode.NEXT) {
                return Optional.of(ctx.failure(new Reason.NextMismatch(which,
                        new Reason.Candidate(ctx.kept(raw), explain(expected, raw, step))), step));
            }
            setAside.add(raw, setAside.explains(raw) ? Optional.of(mismatch(expected, raw)) : Optional.empty());
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

    private Failure timedOut(ActorState actor, Step.Receive step, Reason.Expected which, SetAsideLog setAside) {
        Duration waited = ctx.config.receiveTimeout();
        Reason.Dropped dropped = new Reason.Dropped(actor.name(), actor.session.dropped());
        if (setAside.isEmpty()) return ctx.failure(new Reason.NothingArrived(which, waited, dropped), step);
        List<Reason.Candidate> candidates = setAside.closestFew().stream().map(c -> new Reason.Candidate(c.raw(),
                SetAsideLog.cut(c.mismatch().differences()))).toList();
        if (candidates.isEmpty()) {
            XmlElement expected = step.payload().get(which.index());
            candidates = List.of(new Reason.Candidate(setAside.kept().isEmpty() ? "" : setAside.kept().get(0),
                    List.of(tooLarge(expected, step))));
        }
        return ctx.failure(new Reason.NoMatch(which, waited, candidates,
                new Reason.SetAside(setAside.kept(), setAside.count()), dropped), step);
    }

    private Failure closed(ActorState actor, Step step, Optional<Reason.Expected> which, Inbound end,
                           SetAsideLog setAside) {
        return ctx.failure(new Reason.StreamClosed(actor.name(), which, end.describe(),
                end instanceof Inbound.StreamError e ? Optional.of(ctx.kept(e.raw())) : Optional.empty(),
                new Reason.SetAside(setAside.kept(), setAside.count())), step);
    }

    StepOutcome receiveNothing(ActorState actor, Step.ReceiveNothing step) throws InterruptedException {
        Optional<Inbound> next = actor.session.next(ctx.config.nothingWait());
        if (next.isEmpty()) return StepOutcome.Passed.plain();
        Inbound item = next.get();
        ctx.record(actor, item);
        if (item.terminal()) {
            return new StepOutcome.Failed(closed(actor, step, Optional.empty(), item, new SetAsideLog(ctx::kept)));
        }
        return new StepOutcome.Failed(ctx.failure(new Reason.Unexpected(ctx.kept(((Inbound.Stanza) item).raw())),
                step));
    }
}
