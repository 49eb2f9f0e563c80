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
 * Keeps the layering of docs/house-style.md by scanning the main sources: dependencies point
 * inward, and each library is used by the one package that owns it. Imports and fully qualified
 * names written in code ({@code dev.scansion.report.Foo.bar()}, {@code org.jivesoftware...}) both
 * count; comments and string literals do not.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/scansion");
    /** A project or library name in code: not preceded by a letter, digit or dot (so not a member access). */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.$])(dev\\.scansion(?:\\.[A-Za-z_$][\\w$]*)+"
                    + "|(?:org\\.jivesoftware|org\\.jxmpp|org\\.minidns|org\\.xmlunit|picocli|org\\.junit|org\\.opentest4j)\\.)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;", Pattern.MULTILINE);

    /** Package (below dev.scansion) to the project packages it may import besides itself. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("text", Set.of()),
            Map.entry("script.ast", Set.of("text")),
            Map.entry("script", Set.of("script.ast", "text")),
            Map.entry("match", Set.of("script.ast", "text")),
            Map.entry("wire", Set.of("text")),
            Map.entry("isolate", Set.of("script.ast", "text")),
            Map.entry("result", Set.of("script.ast", "script", "match", "wire", "text")),
            Map.entry("exec", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "text")),
            Map.entry("report", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "exec", "text")),
            // the HTML report reads the result model (whose types come from script.ast, script and match;
            // match also pretty-prints stanzas) and describes a RunConfig (exec)
            Map.entry("report.html", Set.of("script.ast", "script", "match", "result", "exec", "report", "text")),
            Map.entry("author", Set.of("script.ast", "script", "match", "wire", "text")),
            Map.entry("recorder", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "exec", "report",
                    "author", "text")),
            Map.entry("accept", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "exec", "report",
                    "author", "text")),
            Map.entry("cli", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "exec", "report",
                    "report.html", "author", "recorder", "accept", "text")),
            Map.entry("junit", Set.of("script.ast", "script", "isolate", "match", "wire", "result", "exec", "report",
                    "report.html", "author", "accept", "text")));

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
                violations(pkg, Files.readString(file)).forEach(v -> violations.add(file + ": " + v));
            }
        }
        assertTrue(files > 50, "scanned too few files (" + files + "): is the working directory the project?");
        assertEquals(List.of(), violations);
    }

    /** What in {@code source} (a file of package {@code pkg}) breaks the layering. */
    static List<String> violations(String pkg, String source) {
        String code = PACKAGE.matcher(JavaCode.withoutCommentsAndLiterals(source)).replaceFirst("");
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) check(pkg, m.group(1)).ifPresent(found::add);
        return found;
    }

    @Test
    void fullyQualifiedNamesInCodeCountAndCommentsAndStringsDoNot() {
        String source = """
                package dev.scansion.match;

                import dev.scansion.text.Printable;

                /** See {@link dev.scansion.exec.ScriptRun} and org.jivesoftware.smack. */
                final class X {
                    // dev.scansion.report.Foo in a comment
                    String s = "dev.scansion.cli.Main and org.xmlunit. in a string";
                    char c = '"';
                    String block = \"""
                            dev.scansion.junit.Y
                            \""";
                    Object a = new dev.scansion.report.ConsoleStyle();
                    Object b = org.jivesoftware.smack.packet.Message.class;
                    int n = this.dev.scansion.exec.Z; // a member access, not a name
                    Object ok = dev.scansion.script.ast.Step.class;
                }
                """;
        assertEquals(List.of("match must not import dev.scansion.report.ConsoleStyle",
                "org.jivesoftware. belongs to package exec only"), violations("match", source));
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

    /** {@code script.ast.Value} to {@code script.ast}, {@code exec.RunResult} to {@code exec}, {@code exec} to itself. */
    private static String projectPackage(String rest) {
        if (rest.equals("script.ast") || rest.startsWith("script.ast.")) return "script.ast";
        if (rest.equals("report.html") || rest.startsWith("report.html.")) return "report.html";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
