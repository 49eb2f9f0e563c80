package dev.scansion.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "scansion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Conversation test runner for XMPP servers: runs .scs scripts against a server.",
        subcommands = {RunCommand.class, CheckCommand.class, RecordCommand.class, MergeReportsCommand.class, picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every selected script passed",
                "1:at least one script failed",
                "2:usage error, unparsable script or empty selection",
                "3:server unreachable or another runtime error"})
final class ScansionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
