package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.result.Failure;
import dev.scansion.result.RunResult;
import dev.scansion.result.RunResult.Verdict;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.script.TagFilter;

/** The embedding API with the real parser and matcher, and a scripted fake server. */
@Timeout(30)
class ScriptRunnerTest {
    private static final String PING = """
            # Ping the server
            ## smoke
            ## status: stable

            [Client] Romeo
            \tjid: romeo@localhost/garden
            \tpassword: secret

            -----

            Romeo connects

            Romeo sends:
            \t<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>

            Romeo receives:
            \t<iq type='result' id='p1' from='localhost'/>
            """;

    @TempDir
    Path dir;

    private final FakeSessions server = new FakeSessions();
    private final List<String> events = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void runStarted(List<String> files) {
            events.add("run " + files.size());
        }

        @Override
        public void scriptStarted(String file, String title) {
            events.add("script " + title);
        }

        @Override
        public void stepFinished(String file, StepResult step) {
            events.add("step " + step.title() + " " + step.status());
        }

        @Override
        public void scriptFinished(ScriptResult result) {
            events.add("done " + result.status());
        }

        @Override
        public void runFinished(RunResult result) {
            events.add("end " + result.verdict());
        }
    };

    private RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(300)).withSettle(Duration.ZERO);

    private ScriptRunner runner() {
        return new ScriptRunner(config, server, listener);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void answerPings() {
        server.onSend = (actor, xml) -> {
            if (xml.contains("urn:xmpp:ping")) {
                server.deliver(actor, "<iq type='result' id='p1' from='localhost' to='romeo@localhost/garden'/>");
            }
        };
    }

    @Test
    void aParsedScriptRunsThroughTheRealMatcher() throws IOException {
        answerPings();
        RunResult r = runner().run(List.of(write("ping.scs", PING)));
        assertEquals(Verdict.PASSED, r.verdict(), () -> r.scripts().toString());
        ScriptResult s = r.scripts().get(0);
        assertEquals("Ping the server", s.title());
        assertEquals(List.of("smoke", "status: stable"), s.tags());
        assertEquals(List.of("<iq type=\"get\" id=\"p1\" to=\"localhost\"><ping xmlns=\"urn:xmpp:ping\"/></iq>"),
                server.session("Romeo").sent);
        assertEquals("garden", server.requests.get(0).resource().orElseThrow());
        assertEquals(List.of("run 1", "script Ping the server", "step Romeo connects PASSED",
                "step Romeo sends PASSED", "step Romeo receives PASSED", "done PASSED", "end PASSED"), events);
    }

    @Test
    void aMismatchPointsAtTheStepAndQuotesItsLine() throws IOException {
        server.onSend = (actor, xml) -> server.deliver(actor, "<iq type='error' id='p1' from='localhost'/>");
        RunResult r = runner().run(List.of(write("ping.scs", PING)));
        assertEquals(Verdict.FAILED, r.verdict());
        Failure f = r.scripts().get(0).failure().orElseThrow();
        assertEquals(16, f.at().line());
        assertEquals("Romeo receives:", f.sourceLine());
        assertTrue(f.differences().stream().anyMatch(d -> d.path().endsWith("@type")), f.differences().toString());
        assertTrue(f.differences().get(0).expectedAt().file().endsWith("ping.scs"));
    }

    /** The quoted line is the parser's line: lone CR line ends (and a BOM) split as the parser splits them. */
    @Test
    void aMismatchQuotesTheParsersLineWhateverTheLineEnds() throws IOException {
        server.onSend = (actor, xml) -> server.deliver(actor, "<iq type='error' id='p1' from='localhost'/>");
        RunResult r = runner().run(List.of(write("cr.scs", "\uFEFF" + PING.replace("\n", "\r"))));
        Failure f = r.scripts().get(0).failure().orElseThrow();
        assertEquals(16, f.at().line());
        assertEquals("Romeo receives:", f.sourceLine());
    }

    @Test
    void scriptsRunInPathOrderAndAFailureDoesNotStopTheRun() throws IOException {
        answerPings();
        write("suite/b.scs", PING.replace("id='p1' from", "id='nope' from"));
        write("suite/a.scs", PING);
        write("suite/c.scs", PING);
        RunResult r = runner().run(List.of(dir.resolve("suite")));
        assertEquals(List.of(ScriptStatus.PASSED, ScriptStatus.FAILED, ScriptStatus.PASSED),
                r.scripts().stream().map(ScriptResult::status).toList());
        assertTrue(r.scripts().get(0).file().endsWith("a.scs"));
        assertEquals(Verdict.FAILED, r.verdict());
    }

    @Test
    void aScriptThatDoesNotParseIsNotRunAndMakesTheRunInvalid() throws IOException {
        answerPings();
        write("suite/a.scs", PING);
        write("suite/b.scs", "[Client] Romeo\n\tjid: romeo@localhost\n-----\nJuliet connects\n");
        RunResult r = runner().run(List.of(dir.resolve("suite")));
        ScriptResult bad = r.scripts().get(1);
        assertEquals(ScriptStatus.ERROR, bad.status());
        assertEquals(Failure.Kind.INVALID_SCRIPT, bad.failure().orElseThrow().kind());
        assertFalse(bad.diagnostics().isEmpty());
        assertEquals(1, server.requests.size(), "only the good script connected");
        assertEquals(Verdict.INVALID, r.verdict());
    }

    @Test
    void tagsSelectScripts() throws IOException {
        answerPings();
        write("suite/a.scs", PING);
        write("suite/b.scs", PING.replace("## smoke\n", ""));
        config = config.withTags(new TagFilter(List.of("smoke"), List.of()));
        RunResult r = runner().run(List.of(dir.resolve("suite")));
        assertEquals(List.of(ScriptStatus.PASSED, ScriptStatus.SKIPPED),
                r.scripts().stream().map(ScriptResult::status).toList());
        assertEquals(Verdict.PASSED, r.verdict());
        config = config.withTags(new TagFilter(List.of(), List.of("status:stable")));
        assertEquals(Verdict.INVALID, runner().run(List.of(dir.resolve("suite"))).verdict(), "nothing left to run");
    }

    @Test
    void missingPathsAndEmptySelectionsAreProblems() throws IOException {
        RunResult missing = runner().run(List.of(dir.resolve("nope.scs")));
        assertEquals(Verdict.INVALID, missing.verdict());
        assertFalse(missing.problems().isEmpty());
        Files.createDirectories(dir.resolve("empty"));
        RunResult empty = runner().run(List.of(dir.resolve("empty")));
        assertEquals(Verdict.INVALID, empty.verdict());
        assertTrue(empty.problems().get(0).contains("no .scs scripts"), empty.problems().toString());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void unknownActorPropertiesAreWarningsInRun() throws IOException {
        answerPings();
        Path p = write("warn.scs", PING.replace("\tpassword: secret\n", "\tpassword: secret\n\tcolour: blue\n"));
        ScriptResult s = runner().runFile(p);
        assertEquals(ScriptStatus.PASSED, s.status(), () -> s.failure().toString());
        assertTrue(s.diagnostics().stream().anyMatch(d -> d.message().contains("colour")), s.diagnostics().toString());
    }

    private List<Path> threeScripts() throws IOException {
        return List.of(write("a.scs", PING), write("b.scs", PING), write("c.scs", PING));
    }

    @Test
    void anUnreachableServerStopsTheRunAndTheRestAreNotRun() throws IOException {
        server.failEveryConnect(new SessionException(SessionException.Kind.UNREACHABLE,
                "cannot connect to 127.0.0.1:1: Connection refused"));
        RunResult r = runner().run(threeScripts());
        assertEquals(Verdict.ERROR, r.verdict());
        assertEquals(1, server.requests.size(), "one connect attempt in all");
        assertEquals(ScriptStatus.ERROR, r.scripts().get(0).status());
        for (ScriptResult s : r.scripts().subList(1, 3)) {
            assertEquals(ScriptStatus.SKIPPED, s.status());
            assertTrue(s.outcome() instanceof dev.scansion.result.ScriptOutcome.NotRun, s.outcome().toString());
            assertEquals("not run: cannot connect to 127.0.0.1:1: Connection refused (in " + dir.resolve("a.scs")
                    + ")", s.skipReason().orElseThrow());
        }
        assertEquals(List.of("done ERROR", "done SKIPPED", "done SKIPPED"),
                events.stream().filter(e -> e.startsWith("done")).toList(), "every script is reported");
    }

    @Test
    void aServerThatNeverAnswersTheStreamStopsTheRun() throws IOException {
        server.failEveryConnect(new SessionException(SessionException.Kind.NEGOTIATION, "no answer"),
                "-><stream:stream to='localhost'>");
        RunResult r = runner().run(threeScripts());
        assertEquals(1, server.requests.size());
        assertEquals(Failure.Kind.UNREACHABLE, r.scripts().get(0).failure().orElseThrow().kind());
        assertEquals(2, r.skipped());
    }

    @Test
    void aNegotiationFailureAfterTheServerAnsweredDoesNotStopTheRun() throws IOException {
        server.failEveryConnect(new SessionException(SessionException.Kind.NEGOTIATION, "resource binding failed"),
                "-><stream:stream to='localhost'>", "<-<stream:stream from='localhost'>");
        RunResult r = runner().run(threeScripts());
        assertEquals(3, server.requests.size());
        assertEquals(Verdict.FAILED, r.verdict());
    }

    @Test
    void anAuthenticationFailureDoesNotStopTheRun() throws IOException {
        // Even with nothing seen on the wire: a refused login is the script's own failure.
        server.failEveryConnect(new SessionException(SessionException.Kind.AUTHENTICATION, "not-authorized"),
                "-><stream:stream to='localhost'>");
        RunResult r = runner().run(threeScripts());
        assertEquals(3, server.requests.size());
        assertEquals(3, r.failed());
    }

    @Test
    void aFailureBeforeAnyByteWasWrittenDoesNotStopTheRun() throws IOException {
        server.failEveryConnect(new SessionException(SessionException.Kind.NEGOTIATION, "invalid JID 'x'"));
        RunResult r = runner().run(threeScripts());
        assertEquals(3, server.requests.size());
        assertEquals(3, r.failed());
    }
}
