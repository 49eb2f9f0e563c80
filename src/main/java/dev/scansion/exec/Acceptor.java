package dev.scansion.exec;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.scansion.result.Failure;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.XmlElement;

/**
 * The accept mode's hook ({@code scansion run --accept}): asked when a {@code receives} or a
 * {@code receives: nothing} fails in a way a rewritten expectation could fix. When it accepts, the
 * step is {@code StepOutcome.Accepted} and the run goes on as if the step had passed: a candidate
 * is consumed and the captures of the rewritten expectation are bound from it. The mode itself
 * (editing, asking, writing) lives in package {@code accept}; exec only asks.
 */
public interface Acceptor {
    /** Accepts nothing: the ordinary run. */
    Acceptor NONE = p -> new Decision.Declined("not in accept mode");

    /** Called on the thread running the script; may block (a question in the terminal). */
    Decision propose(Proposal proposal) throws InterruptedException;

    /**
     * A failed step that could be accepted.
     *
     * @param script   the script as run
     * @param step     0-based index of the step among the script's steps
     * @param element  0-based index of the expected element in the step's payload (0 for {@code receives: nothing})
     * @param failure  the step's failure, secrets masked
     * @param stanza   what arrived instead: the closest candidate, or the stanza {@code receives: nothing}
     *                 got, whole (not cut), with the script's own names; empty when nothing arrived
     * @param bindings the run's variables at this point (to resolve the expectation's {@code ${...}})
     * @param fullJids actor name to the full JID bound at its last {@code connects}, for the actors
     *                 connected so far
     */
    record Proposal(Script script, int step, int element, Failure failure, Optional<String> stanza,
                    Bindings bindings, Map<String, String> fullJids) {
        public Proposal {
            Objects.requireNonNull(script);
            Objects.requireNonNull(failure);
            Objects.requireNonNull(stanza);
            fullJids = Map.copyOf(fullJids);
        }
    }

    /** The acceptor's answer. */
    sealed interface Decision permits Decision.Accepted, Decision.Declined {
        /**
         * Accepted: the step passes as rewritten.
         *
         * @param expectation the rewritten expected element, which matches the stanza (its captures
         *                    are bound from it); empty when the step became {@code receives: nothing}
         * @param change      what was changed, in one line, for reports
         */
        record Accepted(Optional<XmlElement> expectation, String change) implements Decision {
            public Accepted {
                Objects.requireNonNull(expectation);
                Objects.requireNonNull(change);
            }
        }

        /** Not accepted: the step fails as usual; {@code reason} says why, in one line. */
        record Declined(String reason) implements Decision {
            public Declined {
                Objects.requireNonNull(reason);
            }
        }
    }
}
