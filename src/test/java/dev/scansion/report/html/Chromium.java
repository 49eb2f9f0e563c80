package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Debian's headless chromium, driven from the command line: {@code --dump-dom} for the rendered
 * DOM, {@code --screenshot} for a PNG. Its absence fails the test (tools/ensure-deps installs it):
 * a browser check that skips itself checks nothing.
 *
 * <p>Scripts are off by the pages' own policy ({@code script-src 'none'}) or the server's CSP
 * ({@code sandbox}), not by {@code --blink-settings=scriptEnabled=false}: with that setting,
 * chromium 156's headless mode writes neither the DOM nor a screenshot (its own machinery needs
 * script), so a test could not look at anything.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private final Path work;

    Chromium(Path work) {
        assertTrue(Files.isExecutable(BINARY), BINARY + " is needed (tools/ensure-deps installs chromium)");
        this.work = work;
    }

    /** The DOM after loading {@code url}. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** A screenshot of {@code url}, saved to {@code png}. */
    BufferedImage screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
        assertTrue(Files.size(png) > 1000, "no screenshot of " + url);
        return ImageIO.read(png.toFile());
    }

    private String run(String url, String... what) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + work.resolve("profile")));
        // as root (CI containers), chromium refuses to start with its sandbox
        if ("root".equals(System.getProperty("user.name"))) cmd.add("--no-sandbox");
        cmd.addAll(List.of(what));
        cmd.add(url);
        Path out = Files.createTempFile(work, "chromium", ".out");
        Path err = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + url);
        }
        assertEquals(0, p.exitValue(), "chromium failed on " + url + ":\n" + Files.readString(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** The colour at (x, y) as {@code 0xRRGGBB}. */
    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    /** Whether some pixel is within {@code tolerance} of {@code rgb} in each channel. */
    static boolean anyPixelNear(BufferedImage img, int rgb, int tolerance) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(rgb(img, x, y), rgb, tolerance)) return true;
            }
        }
        return false;
    }

    static boolean near(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tolerance) return false;
        }
        return true;
    }
}
