package dev.scansion.author;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The first pass over a conversation: which values the clients sent (and when: a server echoes
 * those), and which server-minted attribute values a client later sends back. Such a value is
 * captured at every volatile attribute it arrives in ({@code {scansion:capture:NAME}}; each
 * occurrence records anew, so the send gets the latest) and written {@code ${NAME}} wherever it
 * stands after its first arrival: in sends, and in received text or attributes a client relayed
 * (an upload URL in a chat message). Minted text (RSM {@code <last>}) cannot be captured: the
 * language captures attributes only; a send of such a value keeps it literally and gets a note.
 */
final class CapturePlan {
    /**
     * Shorter minted values are never captured: they recur by chance (a roster version '2', then an
     * RSM {@code <max>2</max>}), and a capture would tie the two together in the replay.
     */
    static final int MIN_CAPTURE = 4;

    /** The event index at which a client first sent each value it sent (capture uses excluded). */
    private final Map<String, Integer> firstSent = new HashMap<>();
    /** Captured value to its name and the event where it first arrived. */
    private final Map<String, Capture> captures = new LinkedHashMap<>();
    /** Minted text that arrived, to the event where it first did; for notes on sends that reuse it. */
    private final Map<String, Integer> mintedTexts = new HashMap<>();

    record Capture(String name, int firstArrival) {
    }

    CapturePlan(List<StanzaTree> trees, Conversation conversation) {
        Map<String, Integer> mintedAttributes = new HashMap<>();
        Map<String, String> baseNames = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < trees.size(); i++) {
            StanzaTree tree = trees.get(i);
            if (tree == null) continue;
            int event = i;
            Conversation.Event e = conversation.events().get(i);
            if (e instanceof Conversation.Received) {
                ValuePaths.walk(tree.root(), (path, where, attribute, value) -> {
                    if (attribute == null) {
                        if (VolatileRules.text(path).isPresent()) mintedTexts.putIfAbsent(value.strip(), event);
                        return;
                    }
                    Optional<VolatileRules.Rule> rule = volatileRule(path, attribute, event);
                    if (rule.isPresent() && value.length() >= MIN_CAPTURE) {
                        mintedAttributes.putIfAbsent(value, event);
                        baseNames.putIfAbsent(value, rule.get().capture());
                    }
                });
            } else if (e instanceof Conversation.Sent) {
                ValuePaths.walk(tree.root(), (path, where, attribute, value) -> {
                    String v = attribute == null ? value.strip() : value;
                    Integer arrived = mintedAttributes.get(v);
                    if (arrived != null) {
                        captures.computeIfAbsent(v, k -> new Capture(unique(baseNames.get(k), names), arrived));
                    } else if (!captures.containsKey(v)) {
                        firstSent.putIfAbsent(v, event);
                    }
                });
            }
        }
    }

    private Optional<VolatileRules.Rule> volatileRule(List<String> path, StanzaTree.Attribute a, int event) {
        return VolatileRules.attribute(path, a.namespace(), a.localName())
                .filter(r -> !(r.unlessSent() && sentBefore(a.value(), event)));
    }

    private static String unique(String base, Set<String> names) {
        String name = base;
        for (int n = 2; !names.add(name); n++) name = base + "-" + n;
        return name;
    }

    boolean sentBefore(String value, int event) {
        Integer at = firstSent.get(value);
        return at != null && at < event;
    }

    /** What clients sent before {@code event}, as {@link Values.Context} reads it. */
    Predicate<String> sentBefore(int event) {
        return v -> sentBefore(v, event);
    }

    /** The capture of a volatile attribute value arriving at {@code event}, if a client sends it back. */
    Optional<String> captureAt(String value, int event) {
        Capture c = captures.get(value);
        return c == null || c.firstArrival() > event ? Optional.empty() : Optional.of(c.name());
    }

    /** {@code ${NAME}} for a value that was captured before {@code event}. */
    Optional<String> reference(String value, int event) {
        Capture c = captures.get(value);
        return c == null || c.firstArrival() >= event ? Optional.empty() : Optional.of("${" + c.name() + "}");
    }

    /** Whether {@code value}, sent at {@code event}, is minted text that arrived earlier (and was not captured). */
    boolean uncapturedText(String value, int event) {
        Integer at = mintedTexts.get(value);
        return at != null && at < event && !captures.containsKey(value);
    }
}
