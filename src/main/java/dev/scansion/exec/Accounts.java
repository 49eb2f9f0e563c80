package dev.scansion.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;

/**
 * {@code --register}: the accounts of an isolated script, created by in-band registration
 * (XEP-0077) before its first step and removed ({@code <remove/>}) after its last, whatever the
 * script's outcome. One account per distinct bare JID, with the password of the first actor that
 * names it.
 */
final class Accounts {
    static final String REMOVE_ID = "scansion-remove";
    private static final String REMOVE = "<iq type='set' id='" + REMOVE_ID
            + "'><query xmlns='jabber:iq:register'><remove/></query></iq>";

    /** Why an account could not be created: the actor that names it and the reason. */
    record Refusal(Actor actor, Reason.ConnectFailed reason) {
    }

    /** An account that could not be removed, and why. */
    record Leftover(Actor actor, String problem) {
    }

    private final RunConfig config;
    private final SessionFactory sessions;
    private final WireTap tap;
    private final List<Actor> owners;
    private final List<Actor> created = new ArrayList<>();

    Accounts(Script script, RunConfig config, SessionFactory sessions, WireTap tap) {
        this.config = config;
        this.sessions = sessions;
        this.tap = tap;
        Map<String, Actor> byJid = new LinkedHashMap<>();
        for (Actor a : script.actors()) {
            if (a.bareJid().indexOf('@') > 0) byJid.putIfAbsent(a.bareJid(), a);
        }
        this.owners = List.copyOf(byJid.values());
    }

    /**
     * Registers every account; a refusal fails the script at the actor that names the account (as a
     * connect would fail: a server that cannot be reached stops the run), masked and restored as
     * every failure of the run.
     */
    Optional<Failure> registerAll(StepContext ctx) {
        try {
            return register().map(r -> new Failure(r.actor().span(), ctx.sourceLine(r.actor().span()), r.reason())
                    .masked(ctx.mask));
        } catch (InterruptedException e) {
            Thread.interrupted(); // stopping: the accounts made so far are still removed (bounded waits)
            Actor first = owners.isEmpty() ? null : owners.get(0);
            return first == null ? Optional.empty() : Optional.of(new Failure(first.span(),
                    ctx.sourceLine(first.span()), new Reason.Interrupted()));
        }
    }

    /** Accounts left on the server are warnings of the script, named as they are there (isolated). */
    List<Diagnostic> removeAll(StepContext ctx, SecretMask secrets) {
        return removeAll().stream().map(l -> Diagnostic.warning(l.actor().span(), secrets.prose(l.problem()),
                ctx.sourceLine(l.actor().span()), 1, "")).toList();
    }

    /** Registers every account in turn; stops at the first the server refuses. */
    Optional<Refusal> register() throws InterruptedException {
        for (Actor actor : owners) {
            ConnectRequest request = ConnectRequests.of(actor, config);
            StreamWatch watch = new StreamWatch(actor.name(), tap);
            try {
                sessions.register(request, watch);
            } catch (SessionException e) {
                return Optional.of(new Refusal(actor, new Reason.ConnectFailed(watch.contact(e.kind()),
                        e.getMessage())));
            }
            created.add(actor);
        }
        return Optional.empty();
    }

    /**
     * Removes every account {@link #register} created, each bounded by the connect timeout (login,
     * then the answer to the removal). Returns the accounts that could not be removed.
     */
    List<Leftover> removeAll() {
        List<Leftover> problems = new ArrayList<>();
        for (Actor actor : created) {
            try {
                remove(actor).ifPresent(p -> problems.add(new Leftover(actor, "could not remove the account "
                        + actor.bareJid() + " registered for this run: " + p)));
            } catch (InterruptedException e) {
                // Stopping (a signal): the remaining accounts are left, and said so.
                Thread.currentThread().interrupt();
                problems.add(new Leftover(actor, "account " + actor.bareJid() + " not removed: the run was stopped"));
            }
        }
        created.clear();
        return problems;
    }

    /** Logs in as the account and asks for its removal; empty when removed. */
    private Optional<String> remove(Actor actor) throws InterruptedException {
        ActorSession session;
        try {
            session = sessions.connect(ConnectRequests.of(actor, config), tap);
        } catch (SessionException e) {
            return Optional.of(e.getMessage());
        }
        try {
            session.send(REMOVE);
            return answer(session, config.connectTimeout());
        } catch (SessionException e) {
            return Optional.of(e.getMessage());
        } finally {
            session.disconnect();
        }
    }

    /**
     * The server's answer to the removal: a result, or the stream's end (XEP-0077 lets a server close
     * the stream of an account it removed), is success; an error is its condition.
     */
    private static Optional<String> answer(ActorSession session, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.of("no answer within " + dev.scansion.text.Durations.format(bound));
            Optional<Inbound> next = session.next(Duration.ofNanos(left));
            if (next.isEmpty()) continue;
            if (next.get().terminal()) return Optional.empty();
            if (next.get() instanceof Inbound.Stanza s && isAnswer(s.raw())) {
                return isError(s.raw()) ? Optional.of("the server refused: " + errorOf(s.raw())) : Optional.empty();
            }
        }
    }

    private static boolean isAnswer(String raw) {
        return raw.startsWith("<iq") && (raw.contains("'" + REMOVE_ID + "'") || raw.contains("\"" + REMOVE_ID + "\""));
    }

    private static boolean isError(String raw) {
        String head = raw.substring(0, Math.max(0, raw.indexOf('>')));
        return head.contains("type='error'") || head.contains("type=\"error\"");
    }

    /** The first element inside {@code <error>}: its name is the condition. */
    private static String errorOf(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<error[^>]*>\\s*<([\\w-]+)").matcher(raw);
        return m.find() ? m.group(1) : dev.scansion.text.Printable.shortLine(raw, 200);
    }
}
