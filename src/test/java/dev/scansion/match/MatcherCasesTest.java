package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of matching cases in {@code matcher-cases.txt}: expected XML, received XML, the
 * verdict, and the exact differences (or captures). A regression is a new case in that file.
 *
 * <pre>
 * === case name
 * --- options          (optional) lines: "strict-captures", "capture NAME=VALUE",
 *                      "parser-rejects" (the real parser refuses the payload: see RealParserCasesTest)
 * --- expected         payload XML; line 1 is the line after this one (positions count from it)
 * --- received         the stanza as the server sent it
 * --- match            then optional lines NAME=VALUE: exactly the captures recorded
 * --- mismatch         then one line per difference, Difference.oneLine() with file "t", in order
 * </pre>
 */
@Timeout(60)
class MatcherCasesTest {
    record Case(String name, Map<String, List<String>> sections) {
        String block(String key) {
            return String.join("\n", sections.getOrDefault(key, List.of())).strip();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        List<String> section = null;
        for (String line : read().split("\n", -1)) {
            if (line.startsWith("#")) continue; // comments, anywhere (no payload line starts with '#')
            if (line.startsWith("=== ")) {
                current = new Case(line.substring(4).strip(), new LinkedHashMap<>());
                cases.add(current);
                section = null;
            } else if (line.startsWith("--- ")) {
                section = new ArrayList<>();
                current.sections().put(line.substring(4).strip(), section);
            } else if (section != null) {
                section.add(line);
            } else if (!line.isBlank()) {
                throw new IllegalStateException("line outside a section: " + line);
            }
        }
        return cases;
    }

    private static String read() throws IOException {
        try (InputStream in = MatcherCasesTest.class.getResourceAsStream("matcher-cases.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTableIsLargeAndEveryCaseHasAVerdict() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 60, "only " + cases.size() + " cases");
        for (Case c : cases) {
            boolean match = c.sections().containsKey("match");
            boolean mismatch = c.sections().containsKey("mismatch");
            assertTrue(match ^ mismatch, c.name() + ": needs exactly one of match/mismatch");
            if (mismatch) assertFalse(c.block("mismatch").isEmpty(), c.name() + ": list the differences");
        }
        assertEquals(cases.size(), cases.stream().map(Case::name).distinct().count(), "case names must be unique");
    }

    static Stream<Case> table() throws IOException {
        return cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void matchesAsTheTableSays(Case c) throws Exception {
        TestBindings bindings = new TestBindings();
        boolean strictCaptures = false;
        for (String option : c.sections().getOrDefault("options", List.of())) {
            option = option.strip();
            if (option.equals("strict-captures")) {
                strictCaptures = true;
            } else if (option.startsWith("capture ")) {
                String[] kv = option.substring(8).split("=", 2);
                bindings.with(kv[0], kv[1]);
            } else if (!option.isEmpty() && !option.equals("parser-rejects")) {
                fail("unknown option " + option);
            }
        }
        var expected = ExpectedXml.parse(stripFirstNewline(c.sections().get("expected")));
        var received = ReceivedStanza.parse(c.block("received"));
        MatchResult result = new StanzaMatcher(new MatchOptions(strictCaptures)).match(expected, "t", bindings, received);
        if (c.sections().containsKey("match")) {
            if (result instanceof MatchResult.Mismatch m) {
                fail("expected a match, got:\n" + String.join("\n", m.differences().stream().map(Difference::oneLine).toList()));
            }
            Map<String, String> captures = new LinkedHashMap<>();
            for (String line : c.sections().get("match")) {
                if (line.isBlank()) continue;
                String[] kv = line.strip().split("=", 2);
                captures.put(kv[0], kv[1]);
            }
            assertEquals(captures, ((MatchResult.Match) result).captures(), "captures");
        } else {
            assertTrue(result instanceof MatchResult.Mismatch, "expected a mismatch, got " + result);
            List<String> got = ((MatchResult.Mismatch) result).differences().stream().map(Difference::oneLine).toList();
            assertEquals(c.block("mismatch"), String.join("\n", got));
        }
    }

    /** Keeps the payload's own lines exactly, so that positions count from its first line. */
    private static String stripFirstNewline(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        return String.join("\n", lines.subList(0, end));
    }
}
