package dev.scansion.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {
    @Test
    void countsTerminalCells() {
        assertEquals(5, DisplayWidth.of("hello"));
        assertEquals(4, DisplayWidth.of("日本"));
        assertEquals(1, DisplayWidth.of("e\u0301"));
    }

    @Test
    void cutsToCellsWithAnEllipsis() {
        assertEquals("hello", DisplayWidth.cut("hello", 5));
        assertEquals("hel…", DisplayWidth.cut("hello", 4));
        // A wide character that would straddle the limit is left out whole.
        assertEquals("a日…", DisplayWidth.cut("a日本語", 5));
        assertEquals("", DisplayWidth.cut("hello", 0));
    }
}
