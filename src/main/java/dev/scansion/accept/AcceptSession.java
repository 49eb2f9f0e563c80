package dev.scansion.accept;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.exec.Acceptor;
import dev.scansion.report.FailureMessages;
import dev.scansion.result.Reason;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Step;

/**
 * The accept mode of one run: answers the executor's proposals ({@link Acceptor}) with minimal
 * rewrites ({@link ScriptEdits}), after asking when there is a {@link Reviewer}, and keeps what was
 * accepted per script, and what was not, with the reason. Writing comes after the run
 * ({@link AcceptedScripts}). Proposals come from the thread running a script; an accept run runs
 * one script at a time, and the methods are synchronized anyway.
 */
public final class AcceptSession implements Acceptor {
    /** A step that was offered and not accepted, and why. */
    public record NotAccepted(SourceSpan at, String step, String reason) {
    }

    /** A step whose rewrite was accepted, and what it changes. */
    public record Taken(SourceSpan at, String step, String change) {
    }

    private final Optional<Reviewer> reviewer;
    private final Map<String, ScriptEdits> scripts = new LinkedHashMap<>();
    private final Map<String, String> unreadable = new LinkedHashMap<>();
    private final List<NotAccepted> declined = new ArrayList<>();
    private final List<Taken> taken = new ArrayList<>();
    private boolean quit;

    /** @param reviewer asks before each rewrite ({@code --accept=review}); empty to accept every rewrite */
    public AcceptSession(Optional<Reviewer> reviewer) {
        this.reviewer = reviewer;
    }

    @Override
    public synchronized Decision propose(Proposal p) throws InterruptedException {
        Step step = p.script().steps().get(p.step());
        Decision d = decide(p, step);
        if (d instanceof Decision.Declined no) {
            declined.add(new NotAccepted(p.failure().at(), step.actor() + " " + step.verb(), no.reason()));
        }
        return d;
    }

    private Decision decide(Proposal p, Step step) throws InterruptedException {
        if (quit) return new Decision.Declined("not asked: the review was quit");
        if (p.stanza().isEmpty() && reviewer.isEmpty()) {
            return new Decision.Declined("nothing arrived; a receives becomes 'receives: nothing' only under "
                    + "--accept=review, when you say so");
        }
        String file = p.script().file();
        if (unreadable.containsKey(file)) return new Decision.Declined(unreadable.get(file));
        ScriptEdits edits = scripts.get(file);
        try {
            if (edits == null) {
                edits = ScriptEdits.read(Path.of(file), p.script());
                scripts.put(file, edits);
            }
            ScriptEdits.Pending pending = edits.prepare(p);
            if (reviewer.isPresent()) {
                Reviewer.Answer answer = reviewer.get().ask(question(p, step, pending));
                if (answer == Reviewer.Answer.QUIT) quit = true;
                if (answer != Reviewer.Answer.ACCEPT) {
                    return new Decision.Declined(answer == Reviewer.Answer.QUIT ? "quit in the review" : "skipped in the review");
                }
            }
            edits.commit(pending);
            String change = String.join("; ", pending.changes());
            taken.add(new Taken(p.failure().at(), step.actor() + " " + step.verb(), change));
            return new Decision.Accepted(pending.expectation(), change);
        } catch (ScriptEdits.NotAccepted e) {
            if (edits == null) unreadable.put(file, e.getMessage());
            return new Decision.Declined(e.getMessage());
        }
    }

    /** Where, why the step failed, and the change as a diff of the script's lines (secrets masked). */
    private static String question(Proposal p, Step step, ScriptEdits.Pending pending) {
        SecretMask mask = SecretMask.forScript(p.script());
        StringBuilder sb = new StringBuilder();
        sb.append(p.failure().at()).append(": ").append(step.actor()).append(' ').append(step.verb()).append(": ")
                .append(mask.prose(FailureMessages.of(p.failure()))).append('\n');
        if (p.failure().reason() instanceof Reason.NothingArrived) sb.append("nothing arrived\n");
        for (String line : UnifiedDiff.lines(UnifiedDiff.hunks(pending.before(), pending.after(), 2))) {
            sb.append(mask.sourceLine(line.stripTrailing())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The steps accepted, in order. */
    public synchronized List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** The steps offered and not accepted, in order. */
    public synchronized List<NotAccepted> notAccepted() {
        return List.copyOf(declined);
    }

    /** The scripts with accepted rewrites, in the order they were first met. */
    public synchronized AcceptedScripts accepted() {
        List<AcceptedScripts.Script> out = new ArrayList<>();
        for (ScriptEdits e : scripts.values()) {
            if (e.changed()) out.add(new AcceptedScripts.Script(e.path, e.bytes, e.source.text, e.text(), e.steps()));
        }
        return new AcceptedScripts(out);
    }
}
