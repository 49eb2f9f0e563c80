package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.scansion.result.KnownFailure;

class KnownFailuresTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static KnownFailures parse(String text) throws KnownFailures.Malformed {
        return KnownFailures.parse("known.txt", text, TODAY);
    }

    @Test
    void entriesCommentsAndDates() throws Exception {
        KnownFailures k = parse("""
                # muc is broken on 0.12

                specs/muc/*.scs   until 2026-12-04   MUC history, upstream #123
                presence.scs      server sends a second presence
                  \t
                specs/old.scs until 2026-12-03 expired yesterday
                """);
        assertEquals(Optional.of(new KnownFailure("specs/muc/*.scs", "MUC history, upstream #123", "known.txt:3")),
                k.entryFor("./specs/muc/join.scs"));
        assertEquals("known.txt", k.entryFor("specs/muc/join.scs").get().file());
        assertEquals(Optional.empty(), k.entryFor("specs/muc/deep/join.scs"), "* stays in one directory");
        assertEquals("server sends a second presence", k.entryFor("other/dir/presence.scs").get().reason(),
                "an entry without / matches the file name");
        assertEquals(Optional.empty(), k.entryFor("specs/old.scs"), "past its date: absent");
        assertEquals(List.of("known.txt:6: the entry for specs/old.scs expired on 2026-12-03: treated as absent"),
                k.warnings());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "specs/**/*.scs | specs/a.scs | true",
            "specs/**/*.scs | specs/x/y/a.scs | true",
            "specs/**/*.scs | other/a.scs | false",
            "**/join.scs | a/b/join.scs | true",
            "spec?/a.scs | specs/a.scs | true",
            "spec?/a.scs | spec/a.scs | false",
            "a.scs | a\\.scs | false",
            "specs\\win.scs | specs/win.scs | true",
    })
    void globs(String pattern, String path, boolean matches) throws Exception {
        assertEquals(matches, parse(pattern + " reason").entryFor(path).isPresent(), pattern + " ~ " + path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a.scs | known.txt:2:6: a reason is missing after 'a.scs'",
            "a.scs until 2026-13-01 why | known.txt:2:13: expected a date YYYY-MM-DD after until, not '2026-13-01'",
            "a.scs until | known.txt:2:12: until without a date",
            "a.scs until 2027-01-01 | known.txt:2:23: a reason is missing after 'a.scs until 2027-01-01'",
    })
    void malformedLinesSayWhere(String line, String message) {
        KnownFailures.Malformed e = assertThrows(KnownFailures.Malformed.class, () -> parse("# first\n" + line + "\n"));
        assertEquals(message, e.getMessage());
    }

    /** Reasons end up on terminals and in CI logs: a control character is shown, not sent. */
    @Test
    void aReasonIsMadePrintable() throws Exception {
        KnownFailures k = parse("a.scs bell\u0007 and escape\u001b[2J\n");
        assertEquals("bell\\x07 and escape\\e[2J", k.entryFor("a.scs").get().reason());
    }

    @Test
    void theFirstMatchingEntryCounts() throws Exception {
        KnownFailures k = parse("a.scs first\n*.scs second\n");
        assertEquals("first", k.entryFor("a.scs").get().reason());
        assertEquals("second", k.entryFor("b.scs").get().reason());
        assertTrue(parse("").isEmpty());
    }
}
