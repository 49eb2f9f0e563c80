package dev.scansion.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.scansion.match.MatchOptions;
import dev.scansion.match.MatchResult;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.match.StanzaMatcher;
import dev.scansion.script.PayloadWriter;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;

/**
 * Replays a generated script against the conversation it came from, without a server: each
 * {@code receives} is matched (by the real matcher) against the stanza recorded there, each
 * {@code sends} is rendered (by the real payload writer) and compared with what the client sent.
 * {@code rewrite} may change the recorded XML first, to see that values the script does not state
 * may differ.
 */
final class Replay implements Bindings {
    private static final StanzaMatcher MATCHER = new StanzaMatcher(MatchOptions.DEFAULT);

    private final Script script;
    private final Map<String, String> fullJids = new HashMap<>();
    private final Map<String, String> captures = new HashMap<>();

    Replay(Script script) {
        this.script = script;
    }

    /** Runs every step against its event; steps and events pair up in order (left-out events have no step). */
    void run(Conversation conversation, List<Integer> eventsWithSteps, UnaryOperator<String> rewrite)
            throws Exception {
        List<Step> steps = script.steps();
        assertEquals(eventsWithSteps.size(), steps.size(), "one step per event written");
        for (int k = 0; k < steps.size(); k++) {
            int index = eventsWithSteps.get(k);
            Conversation.Event event = conversation.events().get(index);
            Step step = steps.get(k);
            Conversation.Connection c = conversation.connections().get(event.connection());
            if (step instanceof Step.Connect) {
                assertTrue(event instanceof Conversation.Connected, "step " + k);
                fullJids.put(step.actor(), c.fullJid());
            } else if (step instanceof Step.Disconnect) {
                assertTrue(event instanceof Conversation.Disconnected, "step " + k);
            } else if (step instanceof Step.Receive r) {
                String raw = rewrite.apply(((Conversation.Received) event).xml());
                expect(r, raw);
            } else if (step instanceof Step.Send s) {
                assertEquals(1, s.payload().size());
                String written = PayloadWriter.write(s.payload().get(0), this);
                assertEquals(Normalised.of(rewrite.apply(((Conversation.Sent) event).xml())), Normalised.of(written),
                        "step " + k + " sends what was sent");
            } else {
                fail("unexpected step " + step);
            }
        }
    }

    private void expect(Step.Receive r, String raw) throws Exception {
        assertEquals(1, r.payload().size());
        XmlElement expected = r.payload().get(0);
        MatchResult result = MATCHER.match(expected, script.file(), this, ReceivedStanza.parse(raw));
        if (result instanceof MatchResult.Mismatch m) {
            fail("line " + r.span().line() + " does not match what arrived:\n" + raw + "\n" + m.differences());
        }
        captures.putAll(((MatchResult.Match) result).captures());
    }

    /** As if {@code actor} had connected with {@code fullJid} (for a step matched alone). */
    void bound(String actor, String fullJid) {
        fullJids.put(actor, fullJid);
    }

    @Override
    public String resolve(Value.Variable v) throws UnboundVariableException {
        String value = switch (v.kind()) {
            case JID -> script.actor(v.actor()).map(a -> a.jid()).orElse(null);
            case FULL_JID -> fullJids.get(v.actor());
            case CAPTURE -> captures.get(v.name());
        };
        if (value == null) throw new UnboundVariableException(v, "unbound " + v.expression());
        return value;
    }

    @Override
    public Optional<String> capture(String name) {
        return Optional.ofNullable(captures.get(name));
    }

    /** An element as a comparable string: names by namespace, attributes sorted, layout whitespace dropped. */
    static final class Normalised {
        static String of(String xml) throws StanzaTree.MalformedException {
            StringBuilder sb = new StringBuilder();
            write(StanzaTree.parse(xml).root(), sb);
            return sb.toString();
        }

        private static void write(StanzaTree.Element e, StringBuilder sb) {
            sb.append('<').append(e.clark());
            List<String> attrs = new ArrayList<>();
            for (StanzaTree.Attribute a : e.attributes()) attrs.add("{" + a.namespace() + "}" + a.localName() + "=" + a.value());
            attrs.stream().sorted().forEach(a -> sb.append(' ').append(a));
            sb.append('>');
            for (StanzaTree.Node n : e.children()) {
                if (n instanceof StanzaTree.Element c) write(c, sb);
                else if (n instanceof StanzaTree.Text t && !(e.hasElements() && t.text().isBlank())) sb.append(t.text());
            }
            sb.append("</>");
        }
    }
}
