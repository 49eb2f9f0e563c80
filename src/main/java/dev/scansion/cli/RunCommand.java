package dev.scansion.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder: `scansion run` is built in the executor work. */
@Command(name = "run", description = "Run scripts against a server.")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not built yet");
    }
}
