package dev.scansion.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder: `scansion check` is built in the parser work. */
@Command(name = "check", description = "Parse and validate scripts without a server.")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not built yet");
    }
}
