package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two CLI front doors read a script the same way ({@link dev.scansion.script.ScriptSources}):
 * the same file that is not UTF-8 gives the same file:line:column error and exit 2 from both. The
 * engine's door is {@code junit.ScriptLoaderTest}, with the same file.
 */
@Timeout(60)
class ScriptInputTest {
    /** Its first bad byte (0xE9) is on line 12 at column 22, after an emoji, a CRLF and a lone CR. */
    static final Path NOT_UTF8 = Path.of("src", "test", "resources", "corpus", "err", "not_utf8.scs");
    static final String ERROR = "error: not a UTF-8 text file: invalid byte 0xE9\n  --> " + NOT_UTF8 + ":12:22";

    @Test
    void checkGivesTheFirstBadByte() {
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-color", NOT_UTF8.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().replace("\r\n", "\n").startsWith(ERROR + "\n"), r.err());
    }

    @Test
    void runGivesTheSameErrorAndExitsTwo() {
        CheckCommandTest.Run r = CheckCommandTest.run("run", "--no-color", "--port", "1", NOT_UTF8.toString());
        assertEquals(2, r.exit());
        String all = (r.out() + r.err()).replace("\r\n", "\n");
        assertTrue(all.contains(ERROR + "\n"), all);
        assertFalse(all.contains("Input length"), all);
    }

    /** A name no environment sets. */
    private static final String UNSET = "SCANSION_TEST_NEVER_SET_0B5E";

    @Test
    void anUnsetEnvironmentVariableStopsRunAndIsAWarningForCheck(@TempDir Path dir) throws IOException {
        assertNull(System.getenv(UNSET));
        Path f = Files.writeString(dir.resolve("env.scs"), "[Client] Romeo\n\tjid: romeo@localhost\n"
                + "\tpassword: ${env:" + UNSET + "}\n-----\nRomeo connects\n");
        CheckCommandTest.Run run = CheckCommandTest.run("run", "--no-color", "--port", "1", f.toString());
        assertEquals(2, run.exit());
        assertTrue((run.out() + run.err()).contains("error: environment variable '" + UNSET + "' is not set\n --> "
                + f + ":3:12"), run.out() + run.err());

        CheckCommandTest.Run check = CheckCommandTest.run("check", "--no-color", f.toString());
        assertEquals(0, check.exit());
        assertTrue(check.err().contains("warning: environment variable '" + UNSET + "' is not set\n --> "
                + f + ":3:12"), check.err());
        assertTrue(check.err().contains("'scansion run' will fail unless it is set"), check.err());
    }

    /** ESC and BEL in a title and in an unknown verb: shown escaped, never raw, by both doors. */
    @Test
    void controlCharactersInScriptTextNeverReachTheTerminal(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("esc.scs"), "# Evil \u001b[2J title\u0007\n[Client] Romeo\n"
                + "\tjid: romeo@localhost\n-----\nRomeo \u001b]0;owned\u0007dances\n");
        String[][] commands = {{"check", "--no-color", f.toString()}, {"run", "--no-color", "--port", "1", f.toString()}};
        for (String[] command : commands) {
            CheckCommandTest.Run r = CheckCommandTest.run(command);
            String all = r.out() + r.err();
            assertEquals(2, r.exit(), all);
            assertEquals(-1, all.indexOf('\u001b'), all);
            assertEquals(-1, all.indexOf('\u0007'), all);
            assertTrue(all.contains("error: unknown verb '\\e]0;owned\\x07dances'"), all);
        }
    }
}
