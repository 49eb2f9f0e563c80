package dev.scansion.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the terminal has: asked of the terminal itself ({@code stty size} reading the
 * controlling terminal), else {@code $COLUMNS} (which shells set but rarely export), else 80. A
 * status line wider than the terminal wraps and can then no longer be erased with {@code \r}.
 */
final class TerminalWidth {
    static final int DEFAULT = 80;
    private static final File TTY = new File("/dev/tty");

    private TerminalWidth() {
    }

    /** The width of the controlling terminal, from the first source that knows it. */
    static int detect() {
        return fromTerminal().orElseGet(() -> fromEnvironment(System.getenv()));
    }

    /** {@code $COLUMNS} when it is a positive number, else {@link #DEFAULT}. */
    static int fromEnvironment(Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns == null) return DEFAULT;
        try {
            int n = Integer.parseInt(columns.trim());
            return n > 0 ? n : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /** {@code stty size} on the controlling terminal; empty without one (Windows, CI, a daemon). */
    static Optional<Integer> fromTerminal() {
        if (!TTY.exists()) return Optional.empty();
        Process p = null;
        try {
            p = new ProcessBuilder("stty", "size").redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readNBytes(64);
            if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) return Optional.empty();
            return parseSttySize(new String(out, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty(); // no stty, or no controlling terminal to open
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null) p.destroy();
        }
    }

    /** {@code "24 60\n"} gives 60; anything else (a size of 0 from a pseudo-terminal nobody sized) is empty. */
    static Optional<Integer> parseSttySize(String s) {
        String[] parts = s.trim().split("\\s+");
        if (parts.length != 2) return Optional.empty();
        try {
            int columns = Integer.parseInt(parts[1]);
            return columns > 0 ? Optional.of(columns) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
