package dev.scansion.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * The generaliser's golden corpus: each {@code generaliser/NAME.conv} (a recorded conversation, see
 * {@link ConversationFile}) must give exactly {@code NAME.scs}. Beyond the text, every generated
 * script must parse without any diagnostic, replay against its own conversation (each received
 * stanza matched by the real matcher, each send rendered back to what was sent), still match when
 * every value it does not state literally is changed, and name every literal received value in its
 * origins at the position the parser gives it.
 * <p>
 * {@code mvn test -Dtest=GeneraliserGoldenTest -Dscansion.regen=true} rewrites the expected scripts
 * from the current generaliser, for review with {@code git diff}.
 */
class GeneraliserGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "generaliser");
    private static final boolean REGEN = Boolean.getBoolean("scansion.regen");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".conv"))
                    .sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws Exception {
        ConversationFile file = ConversationFile.parse(Files.readString(DIR.resolve(name), StandardCharsets.UTF_8));
        Generaliser.Generalised g = Generaliser.generalise(file.conversation(), file.options());
        Path expected = DIR.resolve(name.replace(".conv", ".scs"));
        if (REGEN) {
            Files.writeString(expected, g.text(), StandardCharsets.UTF_8);
        } else {
            if (!Files.exists(expected)) fail("missing " + expected + "; run with -Dscansion.regen=true and review it");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), g.text());
        }
        Script script = parse(expected.toString(), g.text());
        assertOriginsArePositions(script, g);
        List<Integer> written = eventsWithSteps(file.conversation());
        new Replay(script).run(file.conversation(), written, raw -> raw);
        new Replay(script).run(file.conversation(), written, Mutations.renamingUnstated(file.conversation(), g));
    }

    /** Parsed under check rules with the environment a recording's ${env:NAME} needs: no diagnostic at all. */
    static Script parse(String name, String text) {
        ParseOptions options = ParseOptions.CHECK.withEnvironment(n -> "from-env");
        ParseResult r = ScriptSources.load(name, text.getBytes(StandardCharsets.UTF_8), options).parsed();
        assertEquals(List.of(), r.diagnostics().stream().map(d -> d.render()).toList(), "diagnostics of\n" + text);
        return r.script().orElseThrow();
    }

    /** Every template value of a receives payload is a key of origins, and origins has no other key. */
    static void assertOriginsArePositions(Script script, Generaliser.Generalised g) {
        Set<SourcePos> literal = new TreeSet<>();
        for (Step s : script.steps()) {
            if (s instanceof Step.Receive r) r.payload().forEach(e -> collect(e, literal));
        }
        assertEquals(literal, new TreeSet<>(g.origins().keySet()));
    }

    private static void collect(XmlElement e, Set<SourcePos> into) {
        for (XmlAttribute a : e.attributes()) if (a.value() instanceof Value.Template) into.add(a.pos());
        boolean first = true;
        for (XmlNode n : e.children()) {
            if (n instanceof XmlElement c) collect(c, into);
            if (n instanceof XmlText t && first && t.value() instanceof Value.Template) {
                into.add(t.pos()); // the matcher names an element's text by its first run
                first = false;
            }
        }
    }

    /** The events the generaliser writes a step for: all but elements it cannot expect (left as comments). */
    static List<Integer> eventsWithSteps(Conversation c) {
        List<Integer> out = new ArrayList<>();
        List<StanzaTree> trees = new ArrayList<>();
        for (Conversation.Event e : c.events()) {
            String xml = e instanceof Conversation.Sent s ? s.xml() : e instanceof Conversation.Received r ? r.xml() : null;
            try {
                trees.add(xml == null ? null : StanzaTree.parse(xml));
            } catch (StanzaTree.MalformedException ex) {
                trees.add(null);
            }
        }
        Set<Integer> occupants = ArrivalOrder.find(c, trees, new Actors(c)).keySet();
        for (int i = 0; i < c.events().size(); i++) {
            if (occupants.contains(i)) continue; // another run gives them in another order: left out
            Conversation.Event e = c.events().get(i);
            String xml = e instanceof Conversation.Sent s ? s.xml() : e instanceof Conversation.Received r ? r.xml() : null;
            if (xml != null) {
                try {
                    if (StanzaTree.STREAM_NS.equals(StanzaTree.parse(xml).root().namespace())) continue;
                } catch (StanzaTree.MalformedException ex) {
                    continue;
                }
            }
            out.add(i);
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void theCorpusIsThere() throws IOException {
        assertTrue(cases().count() >= 10, "the corpus lost cases");
    }
}
