package dev.scansion.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.scansion.script.Diagnostic;
import dev.scansion.script.LifecycleLint;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptSources;
import dev.scansion.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scansion check PATH...}: parses and validates scripts without a server. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Parse and validate scripts without a server.",
                "Problems go to standard error as file:line:column with the source line; "
                        + "a one-line summary goes to standard output.",
                "Unknown actor properties are errors here (warnings in 'run').",
                "An unset $${env:NAME} in an actor property is a warning here: 'run' fails unless it is set.",
                "Lifecycle mistakes are warnings: sends or receives before an actor connects or after it "
                        + "disconnects, connects twice without disconnects."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every script is valid (warnings allowed)",
                "2:a script has errors, a path is missing or unreadable, no script was found, or usage error"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Script files, or directories searched for *.scs files (sorted by path).")
    List<Path> paths;

    @Option(names = "--no-color", description = "Plain output (also when NO_COLOR is set or not on a terminal).")
    boolean noColor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean colour = Terminal.colour(noColor);
        ScriptSources.Selection selection = ScriptSources.select(paths);
        for (String problem : selection.problems()) err.println("error: " + Printable.line(problem));
        if (selection.files().isEmpty()) {
            if (selection.problems().isEmpty()) {
                err.println("error: no .scs scripts found in: " + Printable.line(join(paths)));
            }
            out.println("checked 0 scripts");
            flush(out, err);
            return ExitCodes.USAGE;
        }
        int bad = 0;
        int warnings = 0;
        for (Path file : selection.files()) {
            ScriptSources.Loaded loaded = ScriptSources.load(file, ParseOptions.CHECK);
            ParseResult result = loaded.parsed();
            List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
            result.script().ifPresent(s -> diagnostics.addAll(LifecycleLint.warnings(s, loaded.lines())));
            for (Diagnostic d : diagnostics) {
                err.println(d.render(colour));
                err.println();
                if (!d.isError()) warnings++;
            }
            if (!result.ok()) bad++;
        }
        out.println(summary(selection.files().size(), bad, warnings));
        flush(out, err);
        return bad == 0 && selection.problems().isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }

    static String summary(int total, int bad, int warnings) {
        String s = "checked " + total + (total == 1 ? " script: " : " scripts: ") + (total - bad) + " ok, "
                + bad + " with errors";
        return warnings == 0 ? s : s + " (" + warnings + (warnings == 1 ? " warning)" : " warnings)");
    }

    private static String join(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }

    private static void flush(PrintWriter out, PrintWriter err) {
        out.flush();
        err.flush();
    }
}
