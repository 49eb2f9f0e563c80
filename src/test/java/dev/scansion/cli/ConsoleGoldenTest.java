package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scansion.report.FakeServer;
import picocli.CommandLine;

/**
 * Whole runs of {@code scansion run} as a user sees them, one case per file, hurl style: for
 * {@code console/NAME.scs} (with options from {@code NAME.args}, if any) the exit code, stdout and
 * stderr must equal {@code NAME.out}, timings normalised. The server is {@link FakeServer}, so
 * every run is the same. Cases cover a pass, {@code -v}, and each kind of failure.
 * <p>
 * {@code mvn test -Dtest=ConsoleGoldenTest -Dscansion.regen=true} rewrites the expectations from
 * the current output: review the diff before committing it.
 */
class ConsoleGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/console");
    private static final boolean REGEN = Boolean.getBoolean("scansion.regen");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scs"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void console(String name) throws IOException {
        Path script = DIR.resolve(name + ".scs");
        Path argsFile = DIR.resolve(name + ".args");
        List<String> args = new ArrayList<>(List.of("run", "--no-color", "--timeout", "300ms",
                "--nothing-wait", "100ms"));
        if (Files.exists(argsFile)) args.addAll(List.of(Files.readString(argsFile).strip().split("\\s+")));
        args.add(script.toString());
        String actual = normalise(run(args));
        Path expected = DIR.resolve(name + ".out");
        if (REGEN) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected)) fail("missing " + expected + "; run with -Dscansion.regen=true and review it");
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
    }

    private static String run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FakeServer server = new FakeServer();
        CommandLine cl = new CommandLine(new ScansionCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class ? cls.cast(new RunCommand(server)) : CommandLine.defaultFactory()
                        .create(cls);
            }
        });
        Main.configure(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /** Durations vary from run to run; everything else must not. */
    static String normalise(String s) {
        return s.replace('\\', '/')
                .replaceAll("\\d+(\\.\\d+)? (ms|s)\\b", "<T>")
                .replaceAll(" \\[(order|to socket|arrival to verdict) [^\\]]*\\]", "");
    }
}
