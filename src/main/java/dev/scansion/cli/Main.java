package dev.scansion.cli;

import java.util.Set;

import dev.scansion.text.Printable;
import picocli.CommandLine;

/**
 * Entry point. {@code scansion PATH...} (and the original tool's {@code scansion -d DIR}) is the
 * same as {@code scansion run PATH...}.
 */
public final class Main {
    private static final Set<String> TOP_LEVEL = Set.of("run", "check", "record", "merge-reports", "help", "-h", "--help", "-V", "--version");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; never calls {@link System#exit}. */
    public static int execute(String... args) {
        return commandLine().execute(normalise(args));
    }

    public static CommandLine commandLine() {
        return configure(new CommandLine(new ScansionCommand()));
    }

    /** Exit codes and the usage-error handler every scansion command line has. */
    static CommandLine configure(CommandLine cl) {
        cl.setExitCodeExceptionMapper(t -> ExitCodes.RUNTIME);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            // The message may quote what was typed, control characters included.
            cmd.getErr().println("error: " + Printable.line(String.valueOf(ex.getMessage())));
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static String[] normalise(String[] args) {
        if (args.length == 0 || TOP_LEVEL.contains(args[0])) return args;
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
