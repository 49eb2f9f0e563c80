package dev.scansion.cli;

import dev.scansion.exec.RunConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Whether scripts run isolated (their own account, room and node names), and with accounts made for them. */
final class IsolationOptions {
    @Option(names = "--isolate", negatable = true,
            description = "Run each script with names of its own: the localpart of every JID in the actors' "
                    + "domains and their subdomains (accounts, rooms) and pubsub node names get a suffix unique "
                    + "to that run, so that runs at the same time against one server do not meet. Reports "
                    + "show the script's own names; -v lists the renames and shows the wire as sent. "
                    + "Default: on with --jobs above 1, off when one script runs at a time; --no-isolate "
                    + "when the scripts already use names of their own.")
    Boolean isolate;

    @Option(names = "--register",
            description = "With isolation: create each account of a script by in-band registration (XEP-0077) "
                    + "with the actor's password before it runs, and remove it afterwards, even when the "
                    + "script fails. A server that refuses fails the script with its reason.")
    boolean register;

    /** {@code --isolate} / {@code --no-isolate} when given, else {@code auto} (what the run's shape asks for). */
    boolean isolate(boolean auto) {
        return isolate != null ? isolate : auto;
    }

    /** The options applied, isolation resolved against {@code auto}; {@code --register} needs isolation. */
    RunConfig applyTo(RunConfig config, boolean auto, CommandLine commandLine) {
        boolean on = isolate(auto);
        if (register && !on) {
            throw new ParameterException(commandLine, "--register needs isolation (--isolate): it creates and "
                    + "removes each script's own accounts, never the accounts a script names as written");
        }
        return config.withIsolate(on).withRegister(register);
    }
}
