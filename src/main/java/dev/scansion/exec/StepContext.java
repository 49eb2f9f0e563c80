package dev.scansion.exec;

import java.util.List;

import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;

/** What step code needs from the running script: bindings, transcript, source text, failure helpers. */
final class StepContext {
    static final int RECENT = 5;

    final RunConfig config;
    final Expectations expectations;
    final RunBindings bindings;
    final SecretMask mask;
    final Transcript transcript;
    final StepClock clock = new StepClock();
    /** The accept mode's hook (inactive in an ordinary run). */
    final Acceptance acceptance;
    private final String file;
    private final List<String> sourceLines;

    StepContext(RunConfig config, Expectations expectations, RunBindings bindings, String file,
                List<String> sourceLines, SecretMask mask, Acceptance acceptance) {
        this.config = config;
        this.acceptance = acceptance;
        this.mask = mask;
        this.transcript = new Transcript(mask);
        this.expectations = expectations;
        this.bindings = bindings;
        this.file = file;
        this.sourceLines = List.copyOf(sourceLines);
    }

    /** Adds an item an actor took to the transcript; a stream end only once. */
    void record(ActorState actor, Inbound item) {
        if (item.terminal()) {
            if (actor.endRecorded) return;
            actor.endRecorded = true;
        }
        transcript.received(actor.name(), item);
    }

    /**
     * A received stanza as the result model keeps it: secrets masked while it is whole, then cut at
     * {@link Limits#STANZA_CHARS} (so a secret across the cut cannot leave half of itself behind).
     */
    String kept(String raw) {
        return mask.xmlCut(raw, Limits.STANZA_CHARS);
    }

    SourceSpan span(SourcePos pos) {
        return new SourceSpan(file, pos);
    }

    String sourceLine(SourceSpan span) {
        int i = span.line() - 1;
        // masked whole, then cut like a stanza: a 1 MB payload line is not copied into every report
        return i >= 0 && i < sourceLines.size() ? dev.scansion.text.Printable.cut(mask.sourceLine(sourceLines.get(i)),
                Limits.STANZA_CHARS) : "";
    }

    Failure failure(Reason reason, Step step) {
        return new Failure(step.span(), sourceLine(step.span()), reason);
    }

    /** A failure for the first variable of the payload that has no value yet, if any. */
    java.util.Optional<Failure> unbound(List<dev.scansion.script.ast.XmlElement> payload, Step step) {
        for (Value.Variable v : PayloadVariables.of(payload)) {
            try {
                bindings.resolve(v);
            } catch (Bindings.UnboundVariableException e) {
                SourceSpan at = span(v.pos());
                return java.util.Optional.of(new Failure(at, sourceLine(at), new Reason.Unbound(e.getMessage())));
            }
        }
        return java.util.Optional.empty();
    }
}
