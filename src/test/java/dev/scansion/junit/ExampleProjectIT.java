package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.scansion.testing.ProsodyServer;

/**
 * examples/junit-suite built and run by Maven against a real Prosody: the artifact this
 * build packaged is installed into the local repository first (install:install-file), then the
 * example runs in a copy, once as it is (all pass) and once with a failing script added.
 */
@Timeout(600)
class ExampleProjectIT {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static ProsodyServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        installThisBuild();
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The thin jar of this build ({@code target/scansion-VERSION.jar}) with its pom. */
    static void installThisBuild() throws Exception {
        Path jar;
        try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("scansion-\\d.*\\.jar")
                    && !p.getFileName().toString().contains("sources")).findFirst()
                    .orElseThrow(() -> new AssertionError("package the project first (mvn verify runs this IT)"));
        }
        Result r = mvn(ROOT, List.of("install:install-file", "-Dfile=" + jar, "-DpomFile=pom.xml"));
        assertEquals(0, r.code, r.output);
    }

    record Result(int code, String output) {
    }

    static Result mvn(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-ntp"));
        cmd.addAll(args);
        Path log = Files.createTempFile("scansion-example", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(8, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("mvn " + args + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private Path copyOfExample() throws IOException {
        Path from = ROOT.resolve("examples/junit-suite");
        Path to = tmp.resolve("junit-suite");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) continue;
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
        return to;
    }

    private static Element suiteReport(Path project) throws Exception {
        File xml = project.resolve("target/surefire-reports/TEST-com.example.xmpp.ConversationSuite.xml").toFile();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
    }

    @Test
    void theExampleSuitePassesUnderSurefire() throws Exception {
        Path project = copyOfExample();
        Result r = mvn(project, List.of("test", "-Dscansion.port=" + server.port()));
        assertEquals(0, r.code, r.output + "\n" + server.logTail());
        Element suite = suiteReport(project);
        assertEquals("3", suite.getAttribute("tests"), r.output);
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        try (Stream<Path> s = Files.list(project.resolve("target/scansion-transcripts"))) {
            assertEquals(3, s.count());
        }
    }

    @Test
    void aFailingScriptFailsTheBuildWithItsPosition() throws Exception {
        Path project = copyOfExample();
        Files.writeString(project.resolve("src/test/resources/scansion/wrong.scs"), """
                # Wrong expectation

                [Client] Romeo
                \tjid: romeo@localhost
                \tpassword: password

                -----

                Romeo connects

                Romeo sends:
                \t<iq type="get" id="w1" to="localhost"><ping xmlns="urn:xmpp:ping"/></iq>

                Romeo receives:
                \t<iq type="error" id="w1"/>
                """);
        Result r = mvn(project, List.of("test", "-Dscansion.port=" + server.port(), "-Dscansion.timeout=1s"));
        assertNotEquals(0, r.code, r.output);
        Element suite = suiteReport(project);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList failures = suite.getElementsByTagName("failure");
        String message = ((Element) failures.item(0)).getAttribute("message");
        assertTrue(message.startsWith("scansion/wrong.scs:14:1: Romeo receives: "), message);
    }
}
