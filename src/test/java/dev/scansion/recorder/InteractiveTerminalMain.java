package dev.scansion.recorder;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import dev.scansion.author.Generaliser;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SmackSessionFactory;

/**
 * record -i as the command will run it, on the process's own terminal: what {@link InteractiveRecorderIT}
 * starts under a pseudo-terminal. Arguments: HOST PORT OUTPUT.
 */
public final class InteractiveTerminalMain {
    private InteractiveTerminalMain() {
    }

    public static void main(String[] args) {
        RunConfig config = RunConfig.defaults().withHost(args[0]).withPort(Integer.parseInt(args[1]));
        int code = InteractiveRecorder.run(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.out,
                Optional.empty(), config, new SmackSessionFactory(), Path.of(args[2]),
                Generaliser.Options.titled("Typed at a terminal"), true);
        System.out.flush();
        System.exit(code);
    }
}
