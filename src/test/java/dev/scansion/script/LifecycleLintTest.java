package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LifecycleLintTest {
    private static final String HEAD = "[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw\n\n-----\n\n";

    private static List<String> warnings(String steps) {
        ParseResult p = ScriptParser.parse("t.scs", HEAD + steps);
        return LifecycleLint.warnings(p.script().orElseThrow(), List.of()).stream()
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).toList();
    }

    @Test
    void warnsAboutEachLifecycleMistakeAtItsStep() {
        assertEquals(List.of("7:1 Romeo sends before connecting", "12:1 Romeo connects again without disconnecting first",
                        "16:1 Romeo sends after disconnecting", "19:1 Romeo receives: nothing after disconnecting"),
                warnings("Romeo sends:\n\t<presence/>\n\nRomeo connects\n\nRomeo connects\n\nRomeo disconnects\n\n"
                        + "Romeo sends:\n\t<presence/>\n\nRomeo receives: nothing\n"));
    }

    @Test
    void aWellFormedLifecycleHasNoWarnings() {
        assertEquals(List.of(), warnings("Romeo connects\n\nRomeo sends:\n\t<presence/>\n\nRomeo disconnects\n\n"
                + "Romeo connects\n\nRomeo receives: nothing\n\nRomeo disconnects\n\nRomeo disconnects\n"));
    }
}
