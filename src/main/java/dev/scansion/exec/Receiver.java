package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchResult;
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
        String which = step.payload().size() == 1 ? "" : "expected element " + (i + 1) + " of " + step.payload().size()
                + ": ";
        SetAsideLog setAside = new SetAsideLog();
        while (true) {
            long left = deadline - System.nanoTime();
            // A flood keeps the buffer non-empty: without this check the wait would never end.
            if (left <= 0) return Optional.of(timedOut(actor, step, which, setAside));
            Optional<Inbound> next = actor.session.next(Duration.ofNanos(left));
            if (next.isEmpty()) return Optional.of(timedOut(actor, step, which, setAside));
            Inbound item = next.get();
            ctx.record(actor, item);
            if (item.terminal()) return Optional.of(closed(actor, step, which, item, setAside));
            String raw = ((Inbound.Stanza) item).raw();
            Optional<Map<String, String>> captures = ctx.expectations.verdict(expected, ctx.bindings, raw);
            if (captures.isPresent()) {
                ctx.clock.verdict(item.at());
                ctx.bindings.record(captures.get());
                return Optional.empty();
            }
            if (ctx.config.receiveMode() == ReceiveMode.NEXT) {
                return Optional.of(new Failure(Failure.Kind.MISMATCH, which + "the next stanza does not match",
                        step.span(), ctx.sourceLine(step.span()), explain(expected, raw, step),
                        Optional.of(SetAsideLog.cut(raw)), List.of(), List.of()));
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
        return new Difference(expected.pos() == null ? step.span() : ctx.span(expected.pos()), "/",
                "does not match; not explained in detail: the stanza is larger than " + (Limits.EXPLAINED_CHARS >> 10)
                        + " KiB", "", "");
    }

    private Failure timedOut(ActorState actor, Step.Receive step, String which, SetAsideLog setAside) {
        String waited = Durations.format(ctx.config.receiveTimeout());
        String dropped = dropped(actor);
        if (setAside.isEmpty()) {
            return ctx.failure(Failure.Kind.TIMEOUT, which + "no stanza arrived within " + waited + dropped, step);
        }
        long n = setAside.count();
        String kept = setAside.kept().size() < n ? " (the first " + setAside.kept().size() + " kept)" : "";
        String message = which + "no matching stanza within " + waited + "; " + n + (n == 1 ? " stanza" : " stanzas")
                + " set aside" + kept + dropped;
        List<Difference> differences;
        String received;
        if (setAside.closest().isPresent()) {
            differences = SetAsideLog.cut(setAside.closest().get().mismatch().differences());
            received = setAside.closest().get().raw();
        } else {
            XmlElement expected = step.payload().get(Math.max(0, step.payload().size() - 1));
            received = setAside.kept().isEmpty() ? "" : setAside.kept().get(0);
            differences = List.of(tooLarge(expected, step));
        }
        return new Failure(Failure.Kind.MISMATCH, message, step.span(), ctx.sourceLine(step.span()), differences,
                received.isEmpty() ? Optional.empty() : Optional.of(received), setAside.kept(), List.of(), n);
    }

    /** "; N more stanzas were dropped unread: Romeo's buffer was full", or "". */
    private static String dropped(ActorState actor) {
        long n = actor.session.dropped();
        if (n == 0) return "";
        return "; " + n + (n == 1 ? " more stanza was" : " more stanzas were") + " dropped unread: " + actor.name()
                + "'s buffer was full (" + Limits.BUFFER_STANZAS + " stanzas or " + (Limits.BUFFER_CHARS >> 20)
                + " MiB)";
    }

    private Failure closed(ActorState actor, Step step, String which, Inbound end, SetAsideLog setAside) {
        String message = which + actor.name() + "'s stream was closed by the server: " + end.describe();
        return new Failure(Failure.Kind.STREAM_CLOSED, message, step.span(), ctx.sourceLine(step.span()), List.of(),
                end instanceof Inbound.StreamError e ? Optional.of(SetAsideLog.cut(e.raw())) : Optional.empty(),
                setAside.kept(), List.of(), setAside.count());
    }

    StepOutcome receiveNothing(ActorState actor, Step.ReceiveNothing step) throws InterruptedException {
        Optional<Inbound> next = actor.session.next(ctx.config.nothingWait());
        if (next.isEmpty()) return StepOutcome.Passed.plain();
        Inbound item = next.get();
        ctx.record(actor, item);
        if (item.terminal()) return new StepOutcome.Failed(closed(actor, step, "", item, new SetAsideLog()));
        String raw = ((Inbound.Stanza) item).raw();
        return new StepOutcome.Failed(new Failure(Failure.Kind.UNEXPECTED_STANZA, "expected nothing, but a stanza "
                + "arrived", step.span(), ctx.sourceLine(step.span()), List.of(), Optional.of(SetAsideLog.cut(raw)),
                List.of(), List.of()));
    }
}
