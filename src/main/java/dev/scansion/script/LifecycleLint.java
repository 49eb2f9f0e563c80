package dev.scansion.script;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;

/**
 * {@code scansion check}'s walk over a script's steps in order, following each actor's connection
 * as the script writes it: warnings (never errors) for the steps a run would fail or skip because
 * of it. A static walk: it cannot know that a server closes a stream, so it warns only about what
 * the script itself does.
 */
public final class LifecycleLint {
    private enum State { NEVER, CONNECTED, DISCONNECTED }

    private LifecycleLint() {
    }

    /** The warnings for {@code script}; {@code lines} are its source lines (may be empty). */
    public static List<Diagnostic> warnings(Script script, List<String> lines) {
        Map<String, State> states = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Step step : script.steps()) {
            State state = states.getOrDefault(step.actor(), State.NEVER);
            Finding finding = finding(step, state);
            if (finding != null) out.add(warning(step, finding, lines));
            if (step instanceof Step.Connect) states.put(step.actor(), State.CONNECTED);
            if (step instanceof Step.Disconnect && state != State.NEVER) states.put(step.actor(), State.DISCONNECTED);
        }
        return out;
    }

    private record Finding(String message, String detail) {
    }

    /** What is wrong with {@code step} when its actor is in {@code state}; null when nothing. */
    private static Finding finding(Step step, State state) {
        String who = step.actor();
        if (step instanceof Step.Connect) {
            return state == State.CONNECTED ? new Finding(who + " connects again without disconnecting first",
                    "a run fails here: already connected") : null;
        }
        if (step instanceof Step.Disconnect || state == State.CONNECTED) return null;
        if (state == State.NEVER) {
            return new Finding(who + " " + step.verb() + " before connecting", "a run fails here: not connected");
        }
        return step instanceof Step.Send
                ? new Finding(who + " sends after disconnecting", "a run skips this send (compatibility)")
                : new Finding(who + " " + step.verb() + " after disconnecting", "a run fails here: not connected");
    }

    private static Diagnostic warning(Step step, Finding finding, List<String> lines) {
        int line = step.span().line();
        String source = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        return Diagnostic.warning(step.span(), finding.message(), source,
                step.actor().codePointCount(0, step.actor().length()), finding.detail());
    }
}
