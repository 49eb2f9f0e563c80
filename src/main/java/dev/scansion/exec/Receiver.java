package dev.scansion.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.MatchResult;
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
        String which = step.payload().size() == 1 ? "" : "expected element " + (i + 1) + " of " + step.payload().size()
                + ": ";
        List<SetAside> setAside = new ArrayList<>();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<Inbound> next = actor.session.next(left);
            if (next.isEmpty()) return Optional.of(timedOut(step, which, setAside));
            Inbound item = next.get();
            ctx.record(actor, item);
            if (item.terminal()) return Optional.of(closed(actor, step, which, item, setAside));
            String raw = ((Inbound.Stanza) item).raw();
            MatchResult result = ctx.expectations.match(expected, ctx.bindings, raw);
            if (result instanceof MatchResult.Match m) {
                ctx.clock.verdict(item.at());
                ctx.bindings.record(m.captures());
                return Optional.empty();
            }
            MatchResult.Mismatch mismatch = (MatchResult.Mismatch) result;
            if (ctx.config.receiveMode() == ReceiveMode.NEXT) {
                return Optional.of(new Failure(Failure.Kind.MISMATCH, which + "the next stanza does not match",
                        step.span(), ctx.sourceLine(step.span()), mismatch.differences(), Optional.of(raw),
                        List.of(), List.of()));
            }
            setAside.add(new SetAside(raw, mismatch));
        }
    }

    private Failure timedOut(Step.Receive step, String which, List<SetAside> setAside) {
        String waited = Durations.format(ctx.config.receiveTimeout());
        if (setAside.isEmpty()) {
            return ctx.failure(Failure.Kind.TIMEOUT, which + "no stanza arrived within " + waited, step);
        }
        SetAside closest = setAside.stream().min(Comparator.comparingDouble(s -> s.mismatch().distance())).get();
        String message = which + "no matching stanza within " + waited + "; " + setAside.size()
                + (setAside.size() == 1 ? " stanza" : " stanzas") + " set aside";
        return new Failure(Failure.Kind.MISMATCH, message, step.span(), ctx.sourceLine(step.span()),
                closest.mismatch().differences(), Optional.of(closest.raw()),
                setAside.stream().map(SetAside::raw).toList(), List.of());
    }

    private Failure closed(ActorState actor, Step step, String which, Inbound end, List<SetAside> setAside) {
        String message = which + actor.name() + "'s stream was closed by the server: " + end.describe();
        return new Failure(Failure.Kind.STREAM_CLOSED, message, step.span(), ctx.sourceLine(step.span()), List.of(),
                end instanceof Inbound.StreamError e ? Optional.of(e.raw()) : Optional.empty(),
                setAside.stream().map(SetAside::raw).toList(), List.of());
    }

    StepOutcome receiveNothing(ActorState actor, Step.ReceiveNothing step) throws InterruptedException {
        Optional<Inbound> next = actor.session.next(ctx.config.nothingWait());
        if (next.isEmpty()) return StepOutcome.Passed.plain();
        Inbound item = next.get();
        ctx.record(actor, item);
        if (item.terminal()) return new StepOutcome.Failed(closed(actor, step, "", item, List.of()));
        String raw = ((Inbound.Stanza) item).raw();
        return new StepOutcome.Failed(new Failure(Failure.Kind.UNEXPECTED_STANZA, "expected nothing, but a stanza "
                + "arrived", step.span(), ctx.sourceLine(step.span()), List.of(), Optional.of(raw), List.of(),
                List.of()));
    }
}
