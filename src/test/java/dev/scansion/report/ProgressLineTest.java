package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.text.DisplayWidth;

class ProgressLineTest {
    private final StringWriter out = new StringWriter();

    private String drawn(int columns, String status) {
        ProgressLine p = new ProgressLine(new PrintWriter(out, true), () -> columns);
        p.width(columns);
        p.status(status);
        synchronized (p.lock()) {
            p.draw();
        }
        String s = out.toString();
        return s.substring(s.lastIndexOf('\r') + 1);
    }

    @Test
    void theLineLeavesTheLastColumnFree() {
        String line = drawn(60, "[3/45] specs/a-very-long-directory-name/and-a-long-script-name.scs: Romeo receives");
        assertEquals(59, DisplayWidth.of(line), line);
        assertTrue(line.endsWith("…"), line);
    }

    @Test
    void wideCharactersCountTwice() {
        String line = drawn(30, "[1/2] 日本語のスクリプトの名前はとても長いです.scs");
        assertTrue(DisplayWidth.of(line) <= 29, line + " is " + DisplayWidth.of(line) + " cells");
    }

    @Test
    void aShortStatusIsShownWhole() {
        assertEquals("| [1/1] a.scs", drawn(60, "[1/1] a.scs"));
    }

    @Test
    void widthFromTheTerminalThenColumnsThen80() {
        assertEquals(Optional.of(60), TerminalWidth.parseSttySize("24 60\n"));
        assertEquals(Optional.empty(), TerminalWidth.parseSttySize("0 0\n"), "an unsized pseudo-terminal");
        assertEquals(Optional.empty(), TerminalWidth.parseSttySize("stty: 'standard input': Inappropriate ioctl"));
        assertEquals(72, TerminalWidth.fromEnvironment(Map.of("COLUMNS", " 72 ")));
        assertEquals(80, TerminalWidth.fromEnvironment(Map.of("COLUMNS", "wide")));
        assertEquals(80, TerminalWidth.fromEnvironment(Map.of()));
    }
}
