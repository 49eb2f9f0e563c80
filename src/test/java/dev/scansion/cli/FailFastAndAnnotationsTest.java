package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.report.FakeServer;

/** {@code --fail-fast} and {@code --annotations} on whole runs against {@link FakeServer}. */
@Timeout(60)
class FailFastAndAnnotationsTest {
    private static final String PASS = CliRunner.ECHO;
    /** Fails at 14:1 (Romeo receives); its title needs escaping as a property. */
    private static final String FAIL = PASS.replace("# Echo", "# 100%: a, b")
            .replace("<body>hi</body></message>\n", "<body>bye</body></message>\n")
            .replaceFirst("<body>bye</body>", "<body>hi</body>");
    private static final Map<String, String> GITHUB = Map.of("GITHUB_ACTIONS", "true");

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();

    private CliRunner.Run run(Map<String, String> env, String... args) {
        return CliRunner.run(server, env, args);
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    @Test
    void failFastStopsAfterTheFirstFailureAndTheRestAreNotRun() throws IOException {
        String a = write("a.scs", PASS);
        String b = write("b.scs", FAIL);
        write("c.scs", PASS);
        write("d.scs", FAIL);
        Path junit = dir.resolve("out.xml");
        Path json = dir.resolve("out.json");
        CliRunner.Run r = run(Map.of(), "--fail-fast", "--junit", junit.toString(), "--json", json.toString(), dir.toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.out() + r.err());
        assertEquals(2, server.requests.size(), "c and d never connect: " + server.requests);
        String reason = "not run: fail-fast, after " + b + " failed";
        assertTrue(r.out().contains("SKIP  " + dir.resolve("c.scs")), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("SKIP ") && l.contains(reason)).count(), r.out());
        assertTrue(r.out().contains("1 passed, 1 failed, 0 errors, 2 skipped"), r.out());
        String xml = Files.readString(junit);
        assertEquals(2, xml.split("<skipped message=\"" + reason + "\"", -1).length - 1, xml);
        String report = Files.readString(json);
        assertEquals(2, report.split("\"skipReason\":\\s*\"" + java.util.regex.Pattern.quote(reason) + "\"", -1)
                .length - 1, report);
        assertTrue(r.out().contains("PASS  Echo (" + a + ")"), r.out());
    }

    @Test
    void withoutFailFastEveryScriptRuns() throws IOException {
        write("a.scs", PASS);
        write("b.scs", FAIL);
        write("c.scs", PASS);
        write("d.scs", FAIL);
        CliRunner.Run r = run(Map.of(), dir.toString());
        assertEquals(ExitCodes.FAILED, r.code());
        assertEquals(4, server.requests.size());
        assertTrue(r.out().contains("2 passed, 2 failed, 0 errors ("), r.out());
    }

    @Test
    void failFastAfterAnUnparsableScriptKeepsTheWorseExitCode() throws IOException {
        String a = write("a.scs", PASS.replace("Romeo connects", "Romeo dances"));
        write("b.scs", PASS);
        CliRunner.Run r = run(Map.of(), "--fail-fast", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertEquals(0, server.requests.size());
        assertTrue(r.out().contains("not run: fail-fast, after an error in " + a), r.out());
    }

    @Test
    void underGitHubActionsEachFailureIsAnnotatedWithItsPlaceAndEscaped() throws IOException {
        write("a.scs", PASS);
        String b = write("b,c:%.scs", FAIL);
        String bad = write("e.scs", PASS.replace("Romeo connects", "Romeo da%n\u0007ces"));
        CliRunner.Run r = run(GITHUB, dir.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        String file = b.replace("%", "%25").replace(":", "%3A").replace(",", "%2C");
        assertEquals(List.of(
                "::error file=" + file + ",line=14,col=1,title=100%25%3A a%2C b::Romeo receives: no matching "
                        + "stanza within 200 ms; 1 stanza set aside",
                "::error file=" + bad + ",line=9,col=7,title=" + bad.replace(":", "%3A")
                        + "::unknown verb 'da%25n\\x07ces'"), r.annotations());
    }

    @Test
    void annotationsFollowTheEnvironmentUnlessTheOptionSaysOtherwise() throws IOException {
        write("b.scs", FAIL);
        assertEquals(List.of(), run(Map.of(), dir.toString()).annotations());
        assertEquals(List.of(), run(Map.of("GITHUB_ACTIONS", "false"), dir.toString()).annotations());
        assertEquals(1, run(Map.of(), "--annotations=github", dir.toString()).annotations().size());
        assertEquals(List.of(), run(GITHUB, "--annotations=none", dir.toString()).annotations());
        assertEquals(1, run(GITHUB, dir.toString()).annotations().size());
        CliRunner.Run wrong = run(GITHUB, "--annotations=gitlab", dir.toString());
        assertEquals(ExitCodes.USAGE, wrong.code());
        assertTrue(wrong.err().contains("expected github or none, not 'gitlab'"), wrong.err());
    }

    @Test
    void passedSkippedAndNotRunScriptsAreNotAnnotated() throws IOException {
        write("a.scs", PASS);
        write("b.scs", FAIL);
        write("c.scs", FAIL);
        CliRunner.Run r = run(GITHUB, "--fail-fast", dir.toString());
        assertEquals(ExitCodes.FAILED, r.code());
        assertEquals(1, r.annotations().size(), r.out());
        assertTrue(r.annotations().get(0).startsWith("::error file=" + dir.resolve("b.scs")), r.out());
        assertFalse(run(GITHUB, dir.resolve("a.scs").toString()).out().contains("::"));
    }
}
