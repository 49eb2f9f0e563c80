package dev.scansion.script.ast;

import java.util.List;

/** One action of a script, performed by one actor. */
public sealed interface Step permits Step.Connect, Step.Disconnect, Step.Send, Step.Receive, Step.ReceiveNothing {
    /** The actor's name as defined in the script. */
    String actor();

    /** Position of the action line (its first character). */
    SourceSpan span();

    /** The verb as written in scripts, for reports: {@code connects}, {@code receives: nothing}, ... */
    String verb();

    record Connect(String actor, SourceSpan span) implements Step {
        public String verb() {
            return "connects";
        }
    }

    record Disconnect(String actor, SourceSpan span) implements Step {
        public String verb() {
            return "disconnects";
        }
    }

    /** {@code sends:} with one or more top-level elements, sent in order. */
    record Send(String actor, SourceSpan span, List<XmlElement> payload) implements Step {
        public Send {
            payload = List.copyOf(payload);
        }

        public String verb() {
            return "sends";
        }
    }

    /** {@code receives:} with one or more top-level elements, expected in order. */
    record Receive(String actor, SourceSpan span, List<XmlElement> payload) implements Step {
        public Receive {
            payload = List.copyOf(payload);
        }

        public String verb() {
            return "receives";
        }
    }

    record ReceiveNothing(String actor, SourceSpan span) implements Step {
        public String verb() {
            return "receives: nothing";
        }
    }
}
