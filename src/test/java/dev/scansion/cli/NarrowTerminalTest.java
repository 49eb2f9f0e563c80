package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.text.DisplayWidth;

/**
 * The progress line on a real pseudo-terminal of 60 columns, with {@code COLUMNS} not exported:
 * the width must come from the terminal itself, and no progress line may wrap (a wrapped line
 * cannot be erased with {@code \r} and leaves one line per tick) or stay on screen.
 */
@Timeout(120)
class NarrowTerminalTest {
    private static final int COLUMNS = 60;
    /** Runs argv[2:] in a new pseudo-terminal of argv[1] columns; copies everything it shows to stdout. */
    private static final String PTY_RUN = """
            import fcntl, os, pty, struct, sys, termios
            cols = int(sys.argv[1])
            pid, fd = pty.fork()
            if pid == 0:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, cols, 0, 0))
                os.execv(sys.argv[2], sys.argv[2:])
            while True:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    break
                if not data:
                    break
                sys.stdout.buffer.write(data)
            sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
            """;
    /** A progress segment: the spinner, a space and the [n/total] counter. */
    private static final Pattern PROGRESS = Pattern.compile("^[|/\\\\-] \\[\\d+/\\d+\\]");

    @TempDir
    Path dir;

    @Test
    void progressLinesFitASixtyColumnTerminal() throws Exception {
        Path python = onPath("python3");
        assumeTrue(python != null && Files.exists(Path.of("/dev/ptmx")), "needs python3 and pseudo-terminals");
        Path helper = Files.writeString(dir.resolve("pty_run.py"), PTY_RUN);
        List<String> scripts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path p = dir.resolve("a-rather-long-script-name-so-that-the-status-is-wide-" + i + ".scs");
            Files.writeString(p, "# Waits for a mute server\n\n[Client] Romeo\n\tjid: romeo@localhost\n"
                    + "\tpassword: pw\n\n-----\n\nRomeo connects\n", StandardCharsets.UTF_8);
            scripts.add(p.toString());
        }
        String shown;
        int exit;
        // A server that takes connections (the kernel's backlog) and never answers: each script
        // waits for its connect timeout, long enough for the progress line to be drawn several times
        // (the run stops after that first script: the server never answers, see ScriptRunner).
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> command = new ArrayList<>(List.of(python.toString(), helper.toString(),
                    Integer.toString(COLUMNS), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                    "--host", "127.0.0.1", "--port", Integer.toString(mute.getLocalPort()),
                    "--connect-timeout", "2s"));
            command.addAll(scripts);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().remove("COLUMNS");
            pb.environment().put("TERM", "xterm");
            Process p = pb.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ended");
            exit = p.exitValue();
            shown = new String(bytes, StandardCharsets.UTF_8);
        }
        assertTrue(exit == ExitCodes.FAILED || exit == ExitCodes.RUNTIME, "exit " + exit + ":\n" + shown);
        int progress = 0;
        for (String segment : shown.split("[\r\n]")) {
            String visible = segment.replaceAll("\u001b\\[[0-9;]*m", "");
            if (!PROGRESS.matcher(visible).find()) continue;
            progress++;
            assertTrue(DisplayWidth.of(visible) < COLUMNS, "wraps at " + COLUMNS + " columns: '" + visible + "'");
        }
        assertTrue(progress >= 2, "the progress line was drawn (" + progress + " times):\n" + shown);
        for (String line : shown.split("\n")) {
            String last = line.substring(line.lastIndexOf('\r', line.length() - 2) + 1).replace("\r", "");
            assertFalse(PROGRESS.matcher(last.replaceAll("\u001b\\[[0-9;]*m", "")).find(),
                    "a progress line stayed on screen: '" + last + "'");
        }
        // A mute server stops the run after the first script; the others are reported as not run (skipped).
        var summary = Pattern.compile("0 passed, (\\d) failed, (\\d) errors?(?:, (\\d) skipped)? \\(").matcher(shown);
        assertTrue(summary.find(), shown);
        int skipped = summary.group(3) == null ? 0 : Integer.parseInt(summary.group(3));
        assertEquals(4, Integer.parseInt(summary.group(1)) + Integer.parseInt(summary.group(2)) + skipped, shown);
    }

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
