package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.DisplayWidth;

class DiagnosticTest {
    @Test
    void rendersRustcStyle() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("specs/muc.scs", 14, 1), "unknown actor 'Romeo2'",
                "Romeo2 sends:", 6, "not defined above the separator");
        assertEquals("""
                error: unknown actor 'Romeo2'
                  --> specs/muc.scs:14:1
                   |
                14 | Romeo2 sends:
                   | ^^^^^^ not defined above the separator""", d.render());
    }

    @Test
    void expandsTabsSoTheCaretLinesUp() {
        Diagnostic d = Diagnostic.warning(SourceSpan.of("a.scs", 7, 3), "x", "\t\t<iq/>", 3, "");
        assertEquals("""
                warning: x
                 --> a.scs:7:3
                  |
                7 |         <iq/>
                  |         ^^^""", d.render());
    }

    @Test
    void withoutSourceLineOnlyTheHeader() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("gone.scs", 1, 1), "cannot read script: no such file", "", 1, "");
        assertEquals("error: cannot read script: no such file\n --> gone.scs:1:1", d.render());
    }

    @Test
    void longLinesAreCutAroundTheCaret() {
        String line = "x".repeat(5000) + "<bad>" + "y".repeat(5000);
        Diagnostic d = Diagnostic.error(SourceSpan.of("long.scs", 1, 5001), "here", line, 5, "");
        String[] lines = d.render().split("\n");
        assertTrue(lines[3].length() < 200, lines[3]);
        int caret = lines[4].indexOf('^');
        assertEquals("<bad>", lines[3].substring(caret, caret + 5));
    }

    @Test
    void caretAtTheEndOfALineStillShows() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("e.scs", 2, 7), "missing verb", "Juliet", 1, "");
        assertTrue(d.render().endsWith("  |       ^"), d.render());
    }

    @Test
    void columnsCountCodePointsAndCaretsCountTerminalCells() {
        // the robot face is one code point (two Java chars) and two cells wide; FE0F is zero cells wide
        String text = "[Client] Romeo\n\tjid: romeo@localhost\n-----\nRomeo sends:\n"
                + "\t<presence to=\"room@muc.localhost/\uD83E\uDD16\uFE0F\" type=error/>\n";
        Diagnostic d = ScriptParser.parse("r.scs", text).errors().get(0);
        int expected = "\t<presence to=\"room@muc.localhost/".length() + 2 + "\" type=".length() + 1;
        assertEquals("r.scs:5:" + expected + ": error: malformed XML: the value of attribute 'type' of <presence> is not quoted",
                d.oneLine());
        String[] lines = d.render().split("\n");
        String shown = lines[3].substring(lines[3].indexOf("| ") + 2);
        String carets = lines[4].substring(lines[4].indexOf("| ") + 2);
        int cells = 0;
        int at = shown.indexOf("type=") + "type=".length();
        for (int i = 0; i < at; i += Character.charCount(shown.codePointAt(i))) cells += DisplayWidth.of(shown.codePointAt(i));
        assertEquals(cells, carets.indexOf('^'), lines[3] + "\n" + lines[4]);
    }

    @Test
    void aCaretOverAnEmojiMarksOneCharacter() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("e.scs", 1, 3), "m", "ab\uD83E\uDD16cd", 1, "");
        assertTrue(d.render().endsWith("1 | ab\uD83E\uDD16cd\n  |   ^^"), d.render());
    }

    @Test
    void colourOnlyWhenAsked() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("a.scs", 1, 1), "m", "line", 1, "");
        assertTrue(d.render(true).contains("\u001b["));
        assertEquals(-1, d.render(false).indexOf('\u001b'));
    }

    @Test
    void controlCharactersAreShownEscapedAndTheCaretStaysUnderItsCharacter() {
        Diagnostic d = Diagnostic.error(SourceSpan.of("c.scs", 3, 5), "bad \u001b[2J\u0007 here", "a\u001bb\u0007<bad>\u202E",
                5, "detail \u0007");
        assertEquals("""
                error: bad \\e[2J\\x07 here
                 --> c.scs:3:5
                  |
                3 | a\\eb\\x07<bad>\\u{202E}
                  |         ^^^^^ detail \\x07""", d.render());
        assertEquals("c.scs:3:5: error: bad \\e[2J\\x07 here", d.oneLine());
    }

    @Test
    void aOneMegabyteLineIsCutAroundTheCaretAndSaysSo() {
        String text = "[Client] Romeo\n\tjid: romeo@localhost\n-----\nRomeo " + "x".repeat(1 << 20) + "\n";
        Diagnostic d = ScriptParser.parse("big.scs", text).errors().get(0);
        assertEquals("big.scs:4:7: error: unknown verb '" + "x".repeat(64) + "… (1048576 bytes)'", d.oneLine());
        String rendered = d.render();
        assertTrue(rendered.length() < 800, rendered);
        String[] lines = rendered.split("\n");
        assertTrue(lines[3].endsWith("… (1048582 bytes)"), lines[3]);
        assertEquals(lines[3].indexOf("Romeo ") + "Romeo ".length(), lines[4].indexOf('^'), rendered);

        Diagnostic far = Diagnostic.error(SourceSpan.of("f.scs", 1, 500_001), "m", "y".repeat(500_000) + "<bad>"
                + "z".repeat(500_000), 5, "");
        String[] shown = far.render().split("\n");
        assertTrue(shown[3].startsWith("1 | …y"), shown[3]);
        int caret = shown[4].indexOf('^');
        assertEquals("<bad>", shown[3].substring(caret, caret + 5));
    }
}
