package dev.scansion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of docs/house-style.md by scanning the imports of the main sources:
 * dependencies point inward, and each library is imported by the one package that owns it.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/scansion");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Package (below dev.scansion) to the project packages it may import besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("text", Set.of()),
            Map.entry("script.ast", Set.of("text")),
            Map.entry("script", Set.of("script.ast", "text")),
            Map.entry("match", Set.of("script.ast", "text")),
            Map.entry("wire", Set.of("text")),
            Map.entry("result", Set.of("script.ast", "script", "match", "wire", "text")),
            Map.entry("exec", Set.of("script.ast", "script", "match", "wire", "result", "text")),
            Map.entry("report", Set.of("script.ast", "script", "match", "wire", "result", "exec", "text")),
            Map.entry("cli", Set.of("script.ast", "script", "match", "wire", "result", "exec", "report", "text")),
            Map.entry("junit", Set.of("script.ast", "script", "match", "wire", "result", "exec", "report", "text")));

    /** Library import prefix to the only package allowed to use it. */
    private static final Map<String, String> OWNER = Map.of(
            "org.jivesoftware.", "exec",
            "org.jxmpp.", "exec",
            "org.minidns.", "exec",
            "org.xmlunit.", "match",
            "picocli.", "cli",
            "org.junit.", "junit",
            "org.opentest4j.", "junit");

    @Test
    void importsFollowTheLayering() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    check(pkg, m.group(1)).ifPresent(v -> violations.add(file + ": " + v));
                }
            }
        }
        assertTrue(files > 50, "scanned too few files (" + files + "): is the working directory the project?");
        assertEquals(List.of(), violations);
    }

    private static Optional<String> check(String pkg, String imported) {
        if (imported.startsWith("dev.scansion.")) {
            String target = projectPackage(imported.substring("dev.scansion.".length()));
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) return Optional.of("package " + pkg + " is not in the layering table");
            return target.equals(pkg) || allowed.contains(target) ? Optional.empty()
                    : Optional.of(pkg + " must not import " + imported);
        }
        for (var owner : OWNER.entrySet()) {
            if (imported.startsWith(owner.getKey()) && !owner.getValue().equals(pkg)) {
                return Optional.of(imported + " belongs to package " + owner.getValue() + " only");
            }
        }
        return Optional.empty();
    }

    /** {@code script.ast.Value} to {@code script.ast}, {@code exec.RunResult} to {@code exec}. */
    private static String projectPackage(String rest) {
        return rest.startsWith("script.ast.") ? "script.ast" : rest.substring(0, rest.indexOf('.'));
    }
}
