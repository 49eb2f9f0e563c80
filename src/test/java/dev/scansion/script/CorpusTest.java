package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus: {@code corpus/ok/NAME.scs} must parse (under {@code check} rules) to the model
 * dump in {@code NAME.expected}; {@code corpus/err/NAME.scs} must give exactly the rendered
 * diagnostics in {@code NAME.expected}. A regression is a new file pair.
 * <p>
 * {@code mvn test -Dtest=CorpusTest -Dscansion.regen=true} rewrites the expectations from the
 * current parser, for review with {@code git diff}.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    private static final boolean REGEN = Boolean.getBoolean("scansion.regen");

    static Stream<String> cases() throws IOException {
        Stream<String> ok = list("ok");
        Stream<String> err = list("err");
        return Stream.concat(ok, err);
    }

    private static Stream<String> list(String dir) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(dir))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scs")).sorted()
                    .map(n -> dir + "/" + n).collect(Collectors.toList());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void corpus(String name) throws IOException {
        Path script = CORPUS.resolve(name);
        // through the one reading path, so a byte that is not UTF-8 is a corpus case like any other
        ParseResult result = ScriptSources.load(name, Files.readAllBytes(script), ParseOptions.CHECK).parsed();
        String actual;
        if (name.startsWith("ok/")) {
            assertTrue(result.ok(), () -> "expected no errors, got:\n" + rendered(result.errors()));
            actual = ScriptDump.dump(result.script().orElseThrow()) + warnings(result);
        } else {
            assertFalse(result.ok(), "expected errors, the script parsed");
            assertFalse(result.errors().isEmpty());
            actual = rendered(result.diagnostics());
        }
        Path expected = script.resolveSibling(script.getFileName().toString().replace(".scs", ".expected"));
        if (REGEN) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected)) fail("missing " + expected + "; run mvn test -Dscansion.regen=true and review it");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
    }

    private static String warnings(ParseResult result) {
        String w = rendered(result.diagnostics());
        return w.isEmpty() ? "" : "\n" + w;
    }

    static String rendered(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.render() + "\n").collect(Collectors.joining("\n"));
    }
}
