package dev.scansion.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.MatchResult;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.StepOutcome;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.text.Durations;

/** {@code receives} and {@code receives: nothing} (language doc §4). */
final class Receiver {
    private record SetAside(String raw, MatchResult.Mismatch mismatch) {
    }

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
        Reason.Expected which = new Reason.Expected(ctx.span(expected.pos()), i, step.payload().size());
        List<SetAside> setAside = new ArrayList<>();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<Inbound> next = actor.session.next(left);
            if (next.isEmpty()) return Optional.of(timedOut(step, which, setAside));
            Inbound item = next.get();
            ctx.record(actor, item);
            if (item.terminal()) return Optional.of(closed(actor, step, Optional.of(which), item, setAside));
            String raw = ((Inbound.Stanza) item).raw();
            MatchResult result = ctx.expectations.match(expected, ctx.bindings, raw);
            if (result instanceof MatchResult.Match m) {
                ctx.clock.verdict(item.at());
                ctx.bindings.record(m.captures());
                return Optional.empty();
            }
            MatchResult.Mismatch mismatch = (MatchResult.Mismatch) result;
            if (ctx.config.receiveMode() == ReceiveMode.NEXT) {
                return Optional.of(ctx.failure(new Reason.NextMismatch(which,
                        new Reason.Candidate(raw, mismatch.differences())), step));
            }
            setAside.add(new SetAside(raw, mismatch));
        }
    }

    private Failure timedOut(Step.Receive step, Reason.Expected which, List<SetAside> setAside) {
        Duration waited = ctx.config.receiveTimeout();
        if (setAside.isEmpty()) return ctx.failure(new Reason.NothingArrived(which, waited), step);
        SetAside closest = setAside.stream().min(Comparator.comparingDouble(s -> s.mismatch().distance())).get();
        return ctx.failure(new Reason.NoMatch(which, waited,
                new Reason.Candidate(closest.raw(), closest.mismatch().differences()), raws(setAside)), step);
    }

    private Failure closed(ActorState actor, Step step, Optional<Reason.Expected> which, Inbound end,
                           List<SetAside> setAside) {
        return ctx.failure(new Reason.StreamClosed(actor.name(), which, end.describe(),
                end instanceof Inbound.StreamError e ? Optional.of(e.raw()) : Optional.empty(), raws(setAside)), step);
    }

    private static Reason.SetAside raws(List<SetAside> setAside) {
        return Reason.SetAside.of(setAside.stream().map(SetAside::raw).toList());
    }

    StepOutcome receiveNothing(ActorState actor, Step.ReceiveNothing step) throws InterruptedException {
        Optional<Inbound> next = actor.session.next(ctx.config.nothingWait());
        if (next.isEmpty()) return StepOutcome.Passed.plain();
        Inbound item = next.get();
        ctx.record(actor, item);
        if (item.terminal()) return new StepOutcome.Failed(closed(actor, step, Optional.empty(), item, List.of()));
        return new StepOutcome.Failed(ctx.failure(new Reason.Unexpected(((Inbound.Stanza) item).raw()), step));
    }
}
