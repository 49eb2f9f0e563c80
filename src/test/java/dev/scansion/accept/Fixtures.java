package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.scansion.exec.Acceptor;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Value;

/** Scripts on disk and proposals as the executor makes them, without a server. */
final class Fixtures {
    static final String HEAD = """
            # test
            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: password

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: password

            -----

            Romeo connects

            """;

    static final Map<String, String> FULL = Map.of("Romeo", "romeo@localhost/balcony",
            "Juliet", "juliet@localhost/garden");

    private Fixtures() {
    }

    static Path write(Path dir, String text) throws IOException {
        Path file = dir.resolve("t.scs");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Script parse(Path file) {
        ScriptSources.Loaded loaded = ScriptSources.load(file, ParseOptions.RUN);
        assertTrue(loaded.ok(), () -> loaded.parsed().diagnostics().toString());
        return loaded.script().get();
    }

    /** Bindings as a run has them: JIDs from the script, full JIDs from {@link #FULL}, captures given. */
    static Bindings bindings(Script script, Map<String, String> captures) {
        return new Bindings() {
            @Override
            public String resolve(Value.Variable v) throws UnboundVariableException {
                return switch (v.kind()) {
                    case JID -> script.actor(v.actor()).orElseThrow().jid();
                    case FULL_JID -> FULL.get(v.actor());
                    case CAPTURE -> {
                        String c = captures.get(v.name());
                        if (c == null) throw new UnboundVariableException(v, "not captured");
                        yield c;
                    }
                };
            }

            @Override
            public Optional<String> capture(String name) {
                return Optional.ofNullable(captures.get(name));
            }
        };
    }

    static Acceptor.Proposal proposal(Script script, int step, int element, Optional<String> stanza) {
        return proposal(script, step, element, stanza, new HashMap<>());
    }

    static Acceptor.Proposal proposal(Script script, int step, int element, Optional<String> stanza,
                                      Map<String, String> captures) {
        SourceSpan at = script.steps().get(step).span();
        Reason reason = stanza.isPresent() ? new Reason.Unexpected(stanza.get())
                : new Reason.NothingArrived(new Reason.Expected(at, element, 1), java.time.Duration.ofSeconds(5),
                Reason.Dropped.none("Romeo"));
        return new Acceptor.Proposal(script, step, element, new Failure(at, "", reason), stanza,
                bindings(script, captures), FULL);
    }

    /** The step's index among the script's steps, by its line. */
    static int stepAt(Script script, int line) {
        for (int i = 0; i < script.steps().size(); i++) {
            if (script.steps().get(i).span().line() == line) return i;
        }
        throw new AssertionError("no step on line " + line);
    }
}
