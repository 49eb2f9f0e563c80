package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.scansion.script.ast.Script;

/** The shared real-world seed script must parse cleanly; it is read in place, never copied. */
class SeedScriptTest {
    private static final String NAME = "muc_members_only_deregister.scs";

    static Path seed() {
        return Stream.of(Path.of("..", "shared", "seed", NAME), Path.of("/work", "shared", "seed", NAME))
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }

    @Test
    void seedScriptParsesUnderCheckRules() {
        Path seed = seed();
        assumeTrue(seed != null, "shared/seed/" + NAME + " not found beside the checkout: skipped");
        ParseResult r = ScriptParser.parse(seed, ParseOptions.CHECK);
        assertTrue(r.ok(), () -> CorpusTest.rendered(r.diagnostics()));
        assertEquals(List.of(), r.diagnostics());
        Script s = r.script().orElseThrow();
        assertEquals("MUC: Members-only rooms kick members who deregister", s.title());
        assertEquals(List.of("Romeo", "Juliet"), s.actors().stream().map(a -> a.name()).toList());
        assertEquals(21, s.steps().size());
    }
}
