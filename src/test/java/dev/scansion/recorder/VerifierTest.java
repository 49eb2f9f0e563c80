package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.author.Generaliser.Generalised;
import dev.scansion.author.Generaliser.Options;
import dev.scansion.author.Generaliser.ValueRef;
import dev.scansion.exec.RunConfig;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.script.ast.SourcePos;

/** The --verify loop with a fake generaliser (a template script) and a fake server. */
@Timeout(60)
class VerifierTest {
    private static final ValueRef VERSION = new ValueRef(3, "/iq/query{jabber:iq:version}/version/text()");
    private static final ValueRef NAME = new ValueRef(3, "/iq/query{jabber:iq:version}/name/text()");
    /** A failing receives waits this long, not 5 s. */
    private static final RunConfig FAST = RunConfig.defaults().withReceiveTimeout(java.time.Duration.ofMillis(300));
    private static final String QUERY = "<iq type='get' id='v1' to='localhost'><query xmlns='jabber:iq:version'/></iq>";

    @TempDir
    Path dir;

    private final AtomicInteger generalisations = new AtomicInteger();

    /** The server answers the version query with this name and version. */
    private static VerifFakeServer server(String name, String version) {
        return new VerifFakeServer((n, xml) -> xml.contains("jabber:iq:version") ? List.of(
                "<iq type='result' id='v1' from='localhost'><query xmlns='jabber:iq:version'><name>" + name
                        + "</name><version>" + version + "</version></query></iq>") : List.of());
    }

    /**
     * What the generaliser would write for a recorded answer "Prosody" / "0.1": each value literal
     * unless widened (then left out, as the text rule does), with its origin.
     */
    private Function<Options, Generalised> recorded(String name, String version) {
        return options -> {
            generalisations.incrementAndGet();
            String head = "# verify\n\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: secret\n\n-----\n\n"
                    + "Romeo connects\n\nRomeo sends:\n\t" + QUERY + "\n\nRomeo receives:\n";
            String line = "\t<iq type='result' id='v1'><query xmlns='jabber:iq:version'>";
            int lineNo = (int) head.chars().filter(c -> c == '\n').count() + 1;
            Map<SourcePos, ValueRef> origins = new HashMap<>();
            line = value(line, "name", name, options.widened().contains(NAME), lineNo, NAME, origins);
            line = value(line, "version", version, options.widened().contains(VERSION), lineNo, VERSION, origins);
            return new Generalised(head + line + "</query></iq>\n", origins);
        };
    }

    private static String value(String line, String element, String text, boolean widened, int lineNo, ValueRef ref,
                                Map<SourcePos, ValueRef> origins) {
        if (widened) return line + "<" + element + "/>";
        String open = line + "<" + element + ">";
        origins.put(new SourcePos(lineNo, open.length() + 1), ref);
        return open + text + "</" + element + ">";
    }

    private Verification verify(Function<Options, Generalised> generaliser, VerifFakeServer server) {
        return new Verifier(generaliser, FAST, server).run(Options.titled("verify"), dir.resolve("new.scs"));
    }

    @Test
    void aScriptThatReplaysAsWrittenTakesOneRound() throws Exception {
        Verification v = verify(recorded("Prosody", "0.1"), server("Prosody", "0.1"));
        assertTrue(v.verified(), v::summary);
        assertEquals("verified: replays green (1 round)", v.summary());
        assertEquals(1, generalisations.get());
        assertEquals(0, v.exitCode());
        assertTrue(Files.readString(dir.resolve("new.scs")).contains("<version>0.1</version>"));
    }

    @Test
    void aValueThatDiffersOnReplayIsWidenedAndTheScriptReplayedGreen() throws Exception {
        Verification v = verify(recorded("Prosody", "0.1"), server("Prosody", "0.2"));
        assertTrue(v.verified(), v::summary);
        assertEquals(Set.of(VERSION), v.widened());
        assertEquals(List.of(new Verification.Round(1, 0, ScriptStatus.FAILED),
                new Verification.Round(2, 1, ScriptStatus.PASSED)), v.rounds());
        assertEquals("verified: replays green after widening 1 value (2 rounds)", v.summary());
        String written = Files.readString(dir.resolve("new.scs"));
        assertTrue(written.contains("<version/>") && written.contains("<name>Prosody</name>"), written);
    }

    @Test
    void twoDifferingValuesOfOneStanzaAreWidenedInOneRound() {
        Verification v = verify(recorded("Prosody", "0.1"), server("Other", "0.2"));
        assertTrue(v.verified(), v::summary);
        assertEquals(Set.of(VERSION, NAME), v.widened());
        assertEquals(2, v.rounds().size());
    }

    @Test
    void theRoundsStopAtThreeAndTheLastFailureIsReported() {
        // A generaliser that names a new origin each round but never writes a marker: nothing converges.
        AtomicInteger round = new AtomicInteger();
        Function<Options, Generalised> stubborn = options -> {
            Generalised g = recorded("Prosody", "0.1").apply(Options.titled("verify"));
            Map<SourcePos, ValueRef> origins = new HashMap<>();
            int r = round.incrementAndGet();
            g.origins().forEach((pos, ref) -> origins.put(pos, new ValueRef(ref.event(), ref.path() + r)));
            return new Generalised(g.text(), origins);
        };
        Verification v = verify(stubborn, server("Prosody", "0.2"));
        assertFalse(v.verified());
        assertEquals(Verifier.MAX_ROUNDS, v.rounds().size());
        Verification.StillFailing f = assertInstanceOf(Verification.StillFailing.class, v.outcome());
        assertTrue(f.roundsLeft());
        assertEquals(1, v.exitCode());
        assertTrue(v.summary().startsWith("not verified: still failing after 3 rounds (2 values widened): "
                + dir.resolve("new.scs") + ":"), v.summary());
        assertTrue(v.summary().contains("Romeo receives"), v.summary());
    }

    @Test
    void aFailureNoRecordedValueExplainsStopsAfterOneRound() {
        // The server never answers: nothing to widen.
        Verification v = verify(recorded("Prosody", "0.1"), new VerifFakeServer((n, xml) -> List.of()));
        Verification.StillFailing f = assertInstanceOf(Verification.StillFailing.class, v.outcome());
        assertFalse(f.roundsLeft());
        assertEquals(1, v.rounds().size());
        assertTrue(v.summary().startsWith("not verified: the replay failed where no recorded value can be widened: "),
                v.summary());
        assertFalse(v.summary().contains("secret"));
    }

    @Test
    void aDifferenceOutsideTheRecordedValuesIsNotWidened() {
        // The answer lacks the <name/> element: no marker would make it match.
        VerifFakeServer server = new VerifFakeServer((n, xml) -> List.of("<iq type='result' id='v1'>"
                + "<query xmlns='jabber:iq:version'><version>0.2</version></query></iq>"));
        Verification v = verify(recorded("Prosody", "0.1"), server);
        assertEquals(1, v.rounds().size());
        assertEquals(Set.of(), v.widened());
        assertFalse(v.verified());
    }

    @Test
    void aGeneraliserThatFailsWritesNothingAndRunsNothing() {
        VerifFakeServer server = server("Prosody", "0.1");
        Verification v = verify(o -> {
            throw new IllegalArgumentException("event for unknown connection 4");
        }, server);
        assertEquals(List.of(), v.rounds());
        assertEquals("not verified: no script written: cannot generalise the conversation: event for unknown connection 4",
                v.summary());
        assertEquals(3, v.exitCode());
        assertTrue(server.requests.isEmpty());
        assertFalse(Files.exists(dir.resolve("new.scs")));
    }

    @Test
    void anUnwritableOutputIsOneLine() throws Exception {
        Files.writeString(dir.resolve("file"), "");
        Verification v = new Verifier(recorded("Prosody", "0.1"), FAST, server("Prosody", "0.1"))
                .run(Options.titled("t"), dir.resolve("file/new.scs"));
        assertInstanceOf(Verification.NotWritten.class, v.outcome());
        assertTrue(v.summary().startsWith("not verified: no script written: cannot write "), v.summary());
        assertFalse(v.summary().contains("\n"));
    }

    @Test
    void valuesWidenedBeforeTheFirstRoundStayWidened() throws Exception {
        Verification v = new Verifier(recorded("Prosody", "0.1"), FAST, server("Prosody", "0.2"))
                .run(new Options("t", Optional.empty(), Set.of(VERSION)), dir.resolve("new.scs"));
        assertEquals(1, v.rounds().size());
        assertTrue(v.verified(), v::summary);
    }

    @Test
    void aServerThatCannotBeReachedOnReplayIsAnErrorExitCode() {
        Verification v = new Verifier(recorded("Prosody", "0.1"), FAST, (request, tap) -> {
            throw new dev.scansion.exec.SessionException(dev.scansion.exec.SessionException.Kind.UNREACHABLE,
                    "connection refused");
        }).run(Options.titled("t"), dir.resolve("new.scs"));
        assertEquals(3, v.exitCode());
        assertEquals(List.of(new Verification.Round(1, 0, ScriptStatus.ERROR)), v.rounds());
        assertTrue(v.summary().contains("Romeo connects"), v.summary());
        assertTrue(v.summary().contains("connection refused"), v.summary());
    }
}
