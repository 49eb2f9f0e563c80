package dev.scansion.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.scansion.cli.Main;
import dev.scansion.testing.XmppTestServer;
import picocli.CommandLine;

/**
 * One run of the real command line ({@code scansion run --host H --port P PATH...}) against a
 * test server, with what it printed. Output is captured through picocli's writers, so nothing
 * touches System.out or System.exit.
 */
record CliRun(int exitCode, String out, String err) {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) errors");

    static CliRun against(XmppTestServer server, String... pathsAndOptions) {
        List<String> args = new ArrayList<>(List.of("run", "--no-color",
                "--host", server.host(), "--port", Integer.toString(server.port())));
        args.addAll(List.of(pathsAndOptions));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The number of passed scripts from the summary line; -1 when there is no summary. */
    int passed() {
        Matcher m = SUMMARY.matcher(out);
        int passed = -1;
        while (m.find()) passed = Integer.parseInt(m.group(1));
        return passed;
    }

    /** Lines of the form "PASS  title (path) time", one per passed script. */
    long passLines() {
        return out.lines().filter(l -> l.startsWith("PASS ")).count();
    }

    /** Everything printed, for assertion messages. */
    String transcript() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    /** The project directory: failsafe runs with the Maven basedir as working directory and sets "basedir". */
    static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    /** Every *.scs file below dir, sorted, as the runner selects them. */
    static List<Path> scripts(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".scs"))
                    .sorted().toList();
        }
    }
}
