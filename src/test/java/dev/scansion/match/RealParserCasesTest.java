package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.XmlElement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same table as {@link MatcherCasesTest}, but each expected payload goes through the real
 * {@link ScriptParser} inside a script, so the matcher is checked against the model the runner
 * will really give it. Positions in the table count from the payload block; here they are
 * shifted to the script's lines and the tab that indents each payload line.
 */
@Timeout(60)
class RealParserCasesTest {
    private static final String HEADER = """
            [Client] Romeo
            	jid: romeo@localhost
            	password: secret

            [Client] Juliet's phone
            	jid: juliet@localhost
            	password: secret

            [Client] Nurse
            	jid: nurse@localhost
            	password: secret

            -----

            """;
    private static final Pattern POSITION = Pattern.compile("^t:(\\d+):(\\d+):", Pattern.MULTILINE);

    static Stream<MatcherCasesTest.Case> table() throws IOException {
        return MatcherCasesTest.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theRealParsersModelMatchesAsTheTableSays(MatcherCasesTest.Case c) throws Exception {
        StringBuilder script = new StringBuilder(HEADER);
        // Captures used as ${...} variables must be recorded earlier in the script to be known.
        List<String> captureNames = new ArrayList<>();
        TestBindings bindings = new TestBindings();
        boolean strictCaptures = false;
        for (String option : c.sections().getOrDefault("options", List.of())) {
            option = option.strip();
            if (option.equals("strict-captures")) strictCaptures = true;
            if (option.startsWith("capture ")) {
                String[] kv = option.substring(8).split("=", 2);
                bindings.with(kv[0], kv[1]);
                captureNames.add(kv[0]);
            }
        }
        for (String name : captureNames) {
            script.append("Romeo receives:\n\t<message id='{scansion:capture:").append(name).append("}'/>\n\n");
        }
        script.append("Romeo receives:\n");
        int firstPayloadLine = (int) script.chars().filter(ch -> ch == '\n').count() + 1;
        List<String> lines = new ArrayList<>(c.sections().get("expected"));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        for (String line : lines) script.append('\t').append(line).append('\n');

        ParseResult parsed = ScriptParser.parse("t", script.toString());
        if (c.sections().getOrDefault("options", List.of()).stream().anyMatch(o -> o.strip().equals("parser-rejects"))) {
            assertTrue(parsed.script().isEmpty(), "the parser was expected to refuse this payload");
            return;
        }
        if (parsed.script().isEmpty()) {
            fail("the parser rejects this payload:\n" + parsed.diagnostics() + "\n" + script);
        }
        List<Step> steps = parsed.script().get().steps();
        XmlElement expected = ((Step.Receive) steps.get(steps.size() - 1)).payload().get(0);
        var received = ReceivedStanza.parse(c.block("received"));
        MatchResult result = new StanzaMatcher(new MatchOptions(strictCaptures)).match(expected, "t", bindings, received);
        if (c.sections().containsKey("match")) {
            assertTrue(result.matched(), () -> "expected a match, got " + result);
            Map<String, String> captures = new LinkedHashMap<>();
            for (String line : c.sections().get("match")) {
                if (line.isBlank()) continue;
                String[] kv = line.strip().split("=", 2);
                captures.put(kv[0], kv[1]);
            }
            assertEquals(captures, ((MatchResult.Match) result).captures(), "captures");
        } else {
            assertTrue(result instanceof MatchResult.Mismatch, () -> "expected a mismatch, got " + result);
            List<String> got = ((MatchResult.Mismatch) result).differences().stream().map(Difference::oneLine).toList();
            assertEquals(shift(c.block("mismatch"), firstPayloadLine - 1), String.join("\n", got));
        }
    }

    private static String shift(String differences, int lines) {
        Matcher m = POSITION.matcher(differences);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1)) + lines;
            int column = Integer.parseInt(m.group(2)) + 1;
            m.appendReplacement(sb, "t:" + line + ":" + column + ":");
        }
        return m.appendTail(sb).toString();
    }
}
