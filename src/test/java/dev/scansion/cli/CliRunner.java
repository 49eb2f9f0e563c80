package dev.scansion.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.scansion.exec.SessionFactory;
import picocli.CommandLine;

/** Runs {@code scansion run} in-process against a fake server, with captured output. */
final class CliRunner {
    /** One actor whose message comes back: passes against {@link dev.scansion.report.FakeServer}. */
    static final String ECHO = """
            # Echo

            [Client] Romeo
            \tjid: romeo@localhost/balcony
            \tpassword: pw

            -----

            Romeo connects

            Romeo sends:
            \t<message id='m1'><body>hi</body></message>

            Romeo receives:
            \t<message id='m1'><body>hi</body></message>
            """;

    record Run(int code, String out, String err) {
        List<String> annotations() {
            return out.lines().filter(l -> l.startsWith("::")).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n" + out + "\n--- stderr\n" + err;
        }
    }

    private CliRunner() {
    }

    static Run run(SessionFactory sessions, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Function<String, String> getenv = env::get;
        CommandLine cl = new CommandLine(new ScansionCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == RunCommand.class ? cls.cast(new RunCommand(sessions, getenv))
                        : CommandLine.defaultFactory().create(cls);
            }
        });
        Main.configure(cl);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("run", "--no-color", "--timeout", "200ms"));
        all.addAll(List.of(args));
        return new Run(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
