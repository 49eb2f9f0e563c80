package dev.scansion.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.isolate.Isolation;
import dev.scansion.isolate.Isolator;
import dev.scansion.isolate.Suffixes;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepOutcome;
import dev.scansion.result.StepResult;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;

/**
 * One execution of one script: actors, steps in order, end-of-script disconnects, the result. With
 * {@link RunConfig#isolate()} it runs the script isolated ({@link Isolator}, a fresh suffix) and the
 * results show the script's own names ({@link SecretMask#restoring}); with {@link RunConfig#register()}
 * too, the script's accounts are created before its steps and removed after them ({@link Accounts}).
 */
final class ScriptRun {
    private final Script script;
    private final Optional<Isolation> isolation;
    /** Passwords masked, names as sent: for what is shown as the wire ({@code -v}), not the results. */
    private final SecretMask secrets;
    /** Null unless accounts are registered for this run. */
    private final Accounts accounts;
    private final SessionFactory sessions;
    private final RunListener listener;
    /** Set when the run is being stopped (a signal): no further step starts. */
    private final java.util.function.BooleanSupplier cancelled;
    private final Map<String, ActorState> actors = new LinkedHashMap<>();
    private final StepContext ctx;
    private final Receiver receiver;
    private final WireTap tap;
    private final SendOrder order;
    /** The index of the step being performed. */
    private int current;
    /** Where the script's closing run of disconnects begins (the number of steps when there is none). */
    private final int finalDisconnects;

    ScriptRun(Script script, RunConfig config, SessionFactory sessions, RunListener listener,
              Expectations expectations, List<String> sourceLines, java.util.function.BooleanSupplier cancelled) {
        this(script, config, sessions, listener, expectations, sourceLines, cancelled, Acceptor.NONE);
    }

    /**
     * With the accept mode's hook; an isolated run is never offered to it (its stanzas carry the run's
     * names, not the script's).
     */
    ScriptRun(Script script, RunConfig config, SessionFactory sessions, RunListener listener,
              Expectations expectations, List<String> sourceLines, java.util.function.BooleanSupplier cancelled,
              Acceptor acceptor) {
        Optional<Isolator.Isolated> isolated = config.isolate() && Isolator.applies(script)
                ? Optional.of(Isolator.isolate(script, Suffixes.next())) : Optional.empty();
        this.script = isolated.map(Isolator.Isolated::script).orElse(script);
        this.isolation = isolated.map(Isolator.Isolated::isolation);
        this.cancelled = cancelled;
        this.sessions = sessions;
        this.listener = listener;
        for (Actor a : this.script.actors()) actors.put(a.name(), new ActorState(a));
        RunBindings bindings = new RunBindings(this.script, name -> Optional.ofNullable(actors.get(name))
                .map(s -> s.fullJid), config.strictCaptures());
        this.secrets = SecretMask.forScript(this.script);
        // Where data enters the results, it gets the script's own names back, then secrets masked.
        SecretMask mask = isolation.map(i -> secrets.restoring(i::restore)).orElse(secrets);
        Acceptance acceptance = new Acceptance(isolation.isPresent() ? Acceptor.NONE : acceptor, this.script,
                this::fullJids);
        this.ctx = new StepContext(config, expectations, bindings, script.file(), sourceLines, mask, acceptance);
        this.receiver = new Receiver(ctx);
        // The -v trace sees the stream masked too (SASL is redacted before this, in StreamCapture);
        // only paid for when a listener wants the trace.
        this.tap = listener.wantsWire() ? (actor, direction, xml) -> listener.wire(script.file(), actor,
                direction, secrets.xmlCut(xml, Limits.STANZA_CHARS)) : (actor, direction, xml) -> { };
        this.accounts = config.register() && isolation.isPresent() ? new Accounts(this.script, config, sessions, tap)
                : null;
        this.order = new SendOrder(config);
        int first = this.script.steps().size();
        while (first > 0 && this.script.steps().get(first - 1) instanceof Step.Disconnect) first--;
        this.finalDisconnects = first;
    }

    ScriptResult run(Optional<java.nio.file.Path> path, List<Diagnostic> diagnostics) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        listener.scriptStarted(script.file(), ctx.mask.prose(script.title()));
        isolation.ifPresent(i -> listener.isolated(script.file(), secrets.prose(i.describe())));
        List<StepResult> results = new ArrayList<>();
        Optional<Failure> failure = Optional.empty();
        List<Diagnostic> notes = new ArrayList<>(diagnostics);
        try {
            int from = 0;
            if (accounts != null && !script.steps().isEmpty()) {
                failure = accounts.registerAll(ctx);
                // A refused registration is the first step's failure (it points at the actor): no step ran.
                if (failure.isPresent()) results.add(refused(script.steps().get(from++), failure.get()));
            }
            for (int i = from; i < script.steps().size(); i++) {
                Step step = script.steps().get(i);
                if (failure.isPresent()) {
                    results.add(notRun(i + 1, step));
                    continue;
                }
                current = i;
                StepResult r = runStep(i + 1, step);
                results.add(r);
                failure = r.failure();
            }
        } finally {
            disconnectAll();
            order.close();
            if (accounts != null) notes.addAll(accounts.removeAll(ctx, secrets));
        }
        return new ScriptResult(script.file(), path, ctx.mask.prose(script.title()),
                script.tags().stream().map(Object::toString).toList(), ScriptResult.outcomeOf(failure), started,
                Duration.ofNanos(System.nanoTime() - t0), results, ctx.transcript.entries(), notes);
    }

    private StepResult runStep(int number, Step step) {
        listener.stepStarted(script.file(), number, step.actor(), step.verb());
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        ctx.clock.start();
        int mark = ctx.transcript.mark();
        StepOutcome outcome;
        try {
            if (cancelled.getAsBoolean()) throw new InterruptedException();
            outcome = perform(step);
            if (cancelled.getAsBoolean() && outcome instanceof StepOutcome.Failed) throw new InterruptedException();
        } catch (InterruptedException e) {
            // The run is being stopped: this step ends here; the sessions are still closed (below,
            // in disconnectAll), so the flag is cleared for those bounded waits.
            Thread.interrupted();
            outcome = new StepOutcome.Failed(ctx.failure(new Reason.Interrupted(), step));
        } catch (RuntimeException e) {
            outcome = new StepOutcome.Failed(ctx.failure(new Reason.Internal("internal error: " + e), step));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        outcome = order.noted(outcome);
        // Masked here, before any listener or report sees the step.
        if (outcome instanceof StepOutcome.Failed f) {
            outcome = new StepOutcome.Failed(f.failure().masked(ctx.mask).withRecent(
                    ctx.transcript.recentReceived(step.actor(), mark, StepContext.RECENT)));
        } else if (outcome instanceof StepOutcome.Passed p) {
            outcome = new StepOutcome.Passed(p.notes().stream().map(ctx.mask::prose).toList());
        } else if (outcome instanceof StepOutcome.Accepted a) {
            outcome = new StepOutcome.Accepted(a.failure().masked(ctx.mask), ctx.mask.prose(a.change()));
        } else if (outcome instanceof StepOutcome.Skipped k) {
            outcome = new StepOutcome.Skipped(ctx.mask.prose(k.warning()));
        }
        StepResult result = new StepResult(number, step.verb(), step.actor(), step.span(), outcome, took,
                ctx.clock.timing(), Optional.of(startedAt));
        listener.stepFinished(script.file(), result);
        return result;
    }

    private StepResult refused(Step step, Failure failure) {
        StepResult result = new StepResult(1, step.verb(), step.actor(), step.span(), new StepOutcome.Failed(failure),
                Duration.ZERO, ctx.clock.timing());
        listener.stepFinished(script.file(), result);
        return result;
    }

    private StepResult notRun(int number, Step step) {
        return StepResult.notRun(number, step.verb(), step.actor(), step.span());
    }

    private StepOutcome perform(Step step) throws InterruptedException {
        ActorState actor = actors.get(step.actor());
        if (actor == null) {
            return new StepOutcome.Failed(ctx.failure(new Reason.Internal("no actor named '" + step.actor()
                    + "'"), step));
        }
        if (step instanceof Step.Connect c) return connect(actor, c);
        if (step instanceof Step.Disconnect d) return disconnect(actor, d);
        // Compatibility: the original scansion ignores a send on a client the script closed, and
        // real suites rely on it (Prosody's muc_outcast_reason.scs); `check` warns about it.
        if (step instanceof Step.Send && actor.session != null && actor.disconnected) {
            return new StepOutcome.Skipped(actor.name() + " has disconnected: nothing sent");
        }
        Optional<Failure> unusable = unusable(actor, step);
        if (unusable.isPresent()) return new StepOutcome.Failed(unusable.get());
        if (step instanceof Step.Send s) return send(actor, s);
        if (step instanceof Step.Receive r) return receiver.receive(actor, r, current);
        return receiver.receiveNothing(actor, (Step.ReceiveNothing) step, current);
    }

    /** Actor name to its last bound full JID, for the actors connected so far. */
    private Map<String, String> fullJids() {
        Map<String, String> bound = new LinkedHashMap<>();
        actors.forEach((name, a) -> {
            if (a.fullJid != null) bound.put(name, a.fullJid);
        });
        return bound;
    }

    /** Why the actor cannot send or receive now, if it cannot. */
    private Optional<Failure> unusable(ActorState actor, Step step) {
        if (actor.session == null) {
            return Optional.of(ctx.failure(new Reason.NotConnected(actor.name(), false), step));
        }
        if (actor.disconnected) {
            return Optional.of(ctx.failure(new Reason.NotConnected(actor.name(), true), step));
        }
        // A send cannot succeed on a closed stream; a receive still gets the stanzas before the end.
        if (step instanceof Step.Send && actor.session.ended().isPresent()) {
            Inbound end = actor.session.ended().get();
            ctx.record(actor, end);
            return Optional.of(ctx.failure(new Reason.StreamClosed(actor.name(), Optional.empty(), end.describe(),
                    Optional.empty(), Reason.SetAside.NONE), step));
        }
        return Optional.empty();
    }

    private StepOutcome connect(ActorState actor, Step.Connect step) throws InterruptedException {
        if (actor.live() && actor.session.ended().isEmpty()) {
            return new StepOutcome.Failed(ctx.failure(new Reason.AlreadyConnected(actor.name()), step));
        }
        if (actor.live()) {
            closeQuietly(actor);
            order.closed(actor.session);
        }
        settle(actor.name());
        ConnectRequest request = ConnectRequests.of(actor.actor, ctx.config);
        StreamWatch watch = new StreamWatch(actor.name(), tap);
        try {
            actor.session = sessions.connect(request, watch);
        } catch (SessionException e) {
            return new StepOutcome.Failed(ctx.failure(new Reason.ConnectFailed(watch.contact(e.kind()),
                    e.getMessage()), step));
        }
        actor.disconnected = false;
        actor.endRecorded = false;
        actor.fullJid = actor.session.fullJid();
        return StepOutcome.Passed.note("bound " + actor.fullJid);
    }

    private StepOutcome send(ActorState actor, Step.Send step) throws InterruptedException {
        Optional<Failure> unbound = ctx.unbound(step.payload(), step);
        if (unbound.isPresent()) return new StepOutcome.Failed(unbound.get());
        List<String> rendered = new ArrayList<>();
        for (var element : step.payload()) {
            try {
                rendered.add(ctx.expectations.render(element, ctx.bindings));
            } catch (dev.scansion.script.ast.Bindings.UnboundVariableException e) {
                return new StepOutcome.Failed(ctx.failure(new Reason.Unbound(e.getMessage()), step));
            }
        }
        settle(actor.name());
        long writing = System.nanoTime();
        for (String xml : rendered) {
            Instant at = Instant.now();
            try {
                actor.session.send(xml);
            } catch (SessionException e) {
                boolean closed = e.kind() == SessionException.Kind.CLOSED;
                return new StepOutcome.Failed(ctx.failure(new Reason.SendFailed(closed, e.getMessage()), step));
            }
            ctx.transcript.sent(actor.name(), xml, at);
        }
        ctx.clock.toSocket(System.nanoTime() - writing);
        order.sent(actor.name(), actor.session, otherActsNext(actor.name()));
        return StepOutcome.Passed.plain();
    }

    private StepOutcome disconnect(ActorState actor, Step.Disconnect step) throws InterruptedException {
        if (!actor.live()) return StepOutcome.Passed.note(actor.name() + " was not connected");
        Optional<Inbound> end = actor.session.ended();
        // When only disconnects follow, no later step can observe in which order the server
        // handled what came before: skip the wait; every close is awaited at the end anyway.
        if (current + 1 < finalDisconnects) settle(actor.name());
        closeQuietly(actor);
        order.closed(actor.session);
        return end.map(e -> StepOutcome.Passed.note("the server had already closed the stream: " + e.describe()))
                .orElseGet(StepOutcome.Passed::plain);
    }

    private void settle(String actor) throws InterruptedException {
        long t0 = System.nanoTime();
        order.before(actor);
        ctx.clock.ordering(System.nanoTime() - t0);
    }

    /** Whether the script's next step that acts (connects, sends, disconnects) is another actor's. */
    private boolean otherActsNext(String actor) {
        for (int i = current + 1; i < script.steps().size(); i++) {
            Step next = script.steps().get(i);
            if (i >= finalDisconnects) return false; // a final disconnect does not wait
            if (next instanceof Step.Connect || next instanceof Step.Send || next instanceof Step.Disconnect) {
                return !next.actor().equals(actor);
            }
        }
        return false;
    }

    /** Graceful disconnect; the stanzas that arrived before it go to the transcript. */
    private void closeQuietly(ActorState actor) {
        actor.session.drain().forEach(i -> ctx.record(actor, i));
        actor.session.disconnect();
        actor.session.drain().forEach(i -> ctx.record(actor, i));
        actor.session.ended().ifPresent(e -> ctx.record(actor, e));
        actor.disconnected = true;
    }

    /**
     * End of script: every actor still connected disconnects gracefully (language doc §4); then the
     * server's closes are awaited together (one table read usually answers for all). The whole end
     * is bounded by one {@link RunConfig#connectTimeout()}: the graceful closes run together, and a
     * server that has not answered by then (a mute one) is cut off.
     */
    private void disconnectAll() {
        long deadline = System.nanoTime() + ctx.config.connectTimeout().toNanos();
        List<ActorState> live = actors.values().stream().filter(ActorState::live).toList();
        for (ActorState actor : live) actor.session.drain().forEach(i -> ctx.record(actor, i));
        FinalDisconnects.closeAll(live.stream().map(a -> a.session).toList(), deadline);
        for (ActorState actor : live) {
            try {
                actor.session.drain().forEach(i -> ctx.record(actor, i));
                actor.session.ended().ifPresent(e -> ctx.record(actor, e));
                order.closed(actor.session);
            } catch (RuntimeException e) {
                // A broken session must not keep the others from closing.
            }
            actor.disconnected = true;
        }
        try {
            order.finish(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
