package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.exec.RunConfig;
import dev.scansion.exec.ScriptRunner;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptParser;
import dev.scansion.testing.ProsodyServer;

/**
 * record -i in a plain terminal: a pseudo-terminal (python3's pty module) in which a scripted user
 * defines two actors, sends a message from one to the other and a disco query, types bad XML once,
 * and ends with Ctrl-D; the written script parses, was verified, and replays green as written.
 */
@Timeout(300)
class InteractiveRecorderIT {
    private static ProsodyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/interactive/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void aSessionTypedAtATerminalIsWrittenAndReplaysGreen() throws Exception {
        Path output = dir.resolve("typed.scs");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target/scansion.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar is built before integration tests");
        Process p = new ProcessBuilder(List.of("python3", resource("pty_drive.py").toString(),
                resource("two-actors.dialogue").toString(), "--", java, "-jar", jar.toString(), "record", "-i",
                "--host", server.host(), "--port", Integer.toString(server.port()), "-o", output.toString(),
                "--title", "Typed at a terminal")).redirectErrorStream(true).start();
        String screen;
        try {
            screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(240, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertTrue(screen.endsWith("EXIT 0\n"), screen);
        // The terminal shows what was typed (its echo) and what the recorder said, never mid-line mixed.
        assertTrue(screen.contains("\r\nJuliet receives:\r\n\t<message"), screen);
        assertTrue(screen.contains("\r\nerror: input:23:31: missing end tag </body>; nothing sent\r\n"), screen);
        assertTrue(screen.contains("\r\nverified: replays green"), screen);
        // The password shows once per actor, where the terminal echoed the typing; the recorder never prints it.
        assertEquals(2, count(screen, "pty-s3cret"), screen);

        String written = Files.readString(output);
        assertTrue(ScriptParser.parse(output.toString(), written, ParseOptions.CHECK).ok(), written);
        assertTrue(written.contains("<body>Hello from a terminal</body>"), written);
        assertTrue(written.contains("disco#info"), written);
        assertTrue(!written.contains("unclosed"), written);
        ScriptResult replay = new ScriptRunner(RunConfig.defaults().withHost(server.host()).withPort(server.port()))
                .runFile(output);
        assertEquals(ScriptStatus.PASSED, replay.status(), () -> replay.failure() + "\n" + written);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
