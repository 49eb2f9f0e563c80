package dev.scansion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell entry point, as a user runs it: tools/with-server SERVER -- COMMAND. */
@Timeout(180)
class WithServerIT {
    private static final Path TOOL = Path.of("tools/with-server").toAbsolutePath();
    private static final Pattern ANNOUNCED = Pattern.compile("with-server: \\w+ on 127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+),");

    @ParameterizedTest
    @ValueSource(strings = {"prosody", "ejabberd"})
    void runsTheCommandAgainstTheServerAndStopsIt(String kind) throws Exception {
        // The command proves the server is reachable from inside, then fails with its own code.
        Result r = run(kind, "--", "bash", "-c",
                "echo \"$XMPP_SERVER $XMPP_HOST:$XMPP_PORT {port}\"; exec 3<>/dev/tcp/$XMPP_HOST/$XMPP_PORT && echo reachable; exit 7");
        assertEquals(7, r.status, r.toString());
        Matcher m = ANNOUNCED.matcher(r.err);
        assertTrue(m.find(), r.toString());
        String port = m.group(1);
        assertTrue(r.out.contains(kind + " 127.0.0.1:" + port + " " + port), r.toString());
        assertTrue(r.out.contains("reachable"), r.toString());
        long pid = Long.parseLong(m.group(2));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server pid " + pid + " survived");
        assertFalse(ServerAssertions.accepts(Integer.parseInt(port)), "port still open");
        // A failing command keeps the server's files for inspection; remove them here.
        Matcher kept = Pattern.compile("server files kept in (\\S+)").matcher(r.err);
        assertTrue(kept.find(), r.toString());
        ServerProcess.deleteTree(Path.of(kept.group(1)));
    }

    @Test
    void passesSuccessThrough() throws Exception {
        Result r = run("prosody", "--", "true");
        assertEquals(0, r.status, r.toString());
    }

    @Test
    void usageErrorsAreItsOwnExitCode() throws Exception {
        assertEquals(WithServer.OWN_FAILURE, run("openfire", "--", "true").status);
        assertEquals(WithServer.OWN_FAILURE, run("prosody", "true").status);
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TOOL.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("with-server-out", ".txt");
        Path err = Files.createTempFile("with-server-err", ".txt");
        try {
            Process p = new ProcessBuilder(command)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertTrue(p.waitFor(150, TimeUnit.SECONDS), "with-server did not finish");
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
