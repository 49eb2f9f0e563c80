package dev.scansion.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapesTerminalControls() {
        assertEquals("a\\e[31mred\\x07", Printable.line("a\u001b[31mred\u0007"));
        assertEquals("x\\x7Fy\\" + "u{009B}z", Printable.line("x\u007fy\u009bz"));
        assertEquals("rtl\\" + "u{202E}txt", Printable.line("rtl\u202etxt"));
        assertEquals("lone\\" + "u{D800}", Printable.line("lone\ud800"));
    }

    @Test
    void lineEscapesBreaksTextKeepsThem() {
        assertEquals("a\\nb\\r\\nc\td", Printable.line("a\nb\r\nc\td"));
        assertEquals("a\nb\nc", Printable.text("a\nb\r\nc"));
        assertEquals("a\\rb", Printable.text("a\rb"));
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "<iq type='get'/> \uD83D\uDE00 é";
        assertTrue(Printable.isClean(s));
        assertEquals(s, Printable.line(s));
        assertFalse(Printable.isClean("a\u001bb"));
    }

    @Test
    void cutSaysHowLongTheWholeWas() {
        assertEquals("abc", Printable.cut("abc", 3));
        assertEquals("ab… (4 bytes)", Printable.cut("abcd", 2));
        assertEquals("é… (6 bytes)", Printable.cut("ééé", 1));
        // never half a surrogate pair
        assertEquals("a… (9 bytes)", Printable.cut("a\uD83D\uDE00\uD83D\uDE00", 2));
    }
}
