package dev.scansion.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.scansion.report.RunInfo;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;

/**
 * Writes the HTML report of a run into a directory: {@code index.html}, {@code style.css} and
 * {@code scripts/NNNN-name.html}, one page per script. Nothing in it needs a script: it reads from
 * {@code file://}, with JavaScript disabled, and under Jenkins' default Content-Security-Policy.
 * The directory is written whole (see {@link ReportDirectory}). Results must already be masked.
 */
public final class HtmlReport {
    static final String CSS = "style.css";
    private static final int MAX_NAME = 60;

    private HtmlReport() {
    }

    /** Writes the report into {@code dir}, replacing an earlier report there; {@code options} as {@link RunSettings} gives them. */
    public static void write(RunResult run, RunInfo info, List<String> options, Path dir) throws IOException {
        ReportDirectory.write(dir, tmp -> {
            Files.createDirectories(tmp.resolve("scripts"));
            List<String> pages = pageNames(run.scripts());
            for (int i = 0; i < pages.size(); i++) {
                Files.writeString(tmp.resolve(pages.get(i)), ScriptPage.render(run.scripts().get(i)), StandardCharsets.UTF_8);
            }
            Files.writeString(tmp.resolve("index.html"), IndexPage.render(run, info, options, pages), StandardCharsets.UTF_8);
            Files.write(tmp.resolve(CSS), stylesheet());
        });
    }

    /** {@code scripts/0001-join.html}: the run position keeps names unique and in run order. */
    static List<String> pageNames(List<ScriptResult> scripts) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < scripts.size(); i++) {
            String name = String.format(Locale.ROOT, "scripts/%04d-%s.html", i + 1, base(scripts.get(i).file()));
            if (!used.add(name.toLowerCase(Locale.ROOT))) name = String.format(Locale.ROOT, "scripts/%04d.html", i + 1);
            names.add(name);
        }
        return names;
    }

    private static String base(String file) {
        String name = file.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.endsWith(".scs")) name = name.substring(0, name.length() - 4);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > MAX_NAME) safe = safe.substring(0, MAX_NAME);
        return safe.isEmpty() ? "script" : safe;
    }

    static byte[] stylesheet() throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CSS)) {
            if (in == null) throw new IOException("the report's stylesheet is missing from the runner");
            return in.readAllBytes();
        }
    }
}
