package dev.scansion.cli;

import dev.scansion.report.ConsoleOptions;
import dev.scansion.report.ConsoleStyle;
import picocli.CommandLine.Option;

/** How results are shown on the console. */
final class OutputOptions {
    @Option(names = {"-v", "--verbose"},
            description = "Print every step and the raw XML of every connection (SASL payloads redacted).")
    boolean verbose;

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    ConsoleOptions console() {
        boolean terminal = System.console() != null;
        return new ConsoleOptions(verbose, ConsoleStyle.of(Terminal.colour(noColor)), terminal);
    }
}
