package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.scansion.report.FakeServer;

/** {@code --retries}, {@code --retry-on}, {@code --fail-on-flaky} on whole runs against fake servers. */
@Timeout(60)
class RetriesTest {
    static final String PASS = CliRunner.ECHO;
    /** A content mismatch at 14:1. */
    static final String MISMATCH = PASS.replace("receives:\n\t<message id='m1'><body>hi", "receives:\n\t<message id='m1'><body>bye");

    @TempDir
    Path dir;

    private String script(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
    }

    @Test
    void aScriptThatPassesOnARetryIsFlakyInEveryReport() throws Exception {
        String file = script("echo.scs", PASS);
        FlakyServer server = new FlakyServer(1);
        Path junit = dir.resolve("out/junit.xml");
        Path json = dir.resolve("out/run.json");
        Path transcripts = dir.resolve("out/t");
        CliRunner.Run r = CliRunner.run(server, Map.of("GITHUB_ACTIONS", "true"), "--retries", "2",
                "--junit", junit.toString(), "--json", json.toString(), "--transcripts", transcripts.toString(), file);
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        assertEquals(2, server.connects.get(), "one failed attempt, one passing");
        assertTrue(r.out().contains("FLAKY Echo (" + file + ")"), r.toString());
        assertTrue(r.out().contains("passed on attempt 2 of 2"), r.toString());
        assertTrue(r.out().contains("attempt 1: " + file + ":14:1: Romeo receives: no stanza arrived"), r.toString());
        assertTrue(r.out().contains("1 passed, 0 failed, 0 errors, 1 flaky ("), r.toString());
        assertEquals(List.of("::warning file=" + file + ",line=14,col=1,title=Echo::flaky: passed on attempt 2 of 2; "
                + "attempt 1: Romeo receives: no stanza arrived within 200 ms"), r.annotations());

        String xml = Files.readString(junit);
        validateAgainstSurefire(xml);
        Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
        assertEquals(0, testcase.getElementsByTagName("failure").getLength(), xml);
        NodeList flaky = testcase.getElementsByTagName("flakyFailure");
        assertEquals(1, flaky.getLength(), xml);
        Element first = (Element) flaky.item(0);
        assertEquals("timeout", first.getAttribute("type"));
        assertTrue(first.getAttribute("message").startsWith(file + ":14:1: Romeo receives: no stanza arrived"), xml);
        assertTrue(text(first, "stackTrace").contains("no stanza arrived"), xml);
        assertTrue(text(first, "system-out").contains("romeo sent") || text(first, "system-out").contains("Romeo sent"), xml);

        String report = Files.readString(json);
        assertTrue(report.replaceAll("\\s", "").contains("\"flaky\":true,\"attempts\":[{\"attempt\":1,\"status\":"
                + "\"failed\",\"kind\":\"timeout\",\"message\":\"" + file.replace("\\", "\\\\") + ":14:1:Romeoreceives:"
                + "nostanzaarrivedwithin200ms\""), report);
        assertTrue(report.replaceAll("\\s", "").contains("\"known\":0,\"flaky\":1"), report);
        try (Stream<Path> files = Files.list(transcripts)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.contains(".attempt-1")), names.toString());
        }
    }

    @Test
    void failOnFlakyMakesAFlakyScriptFailTheRun() throws Exception {
        String file = script("echo.scs", PASS);
        CliRunner.Run r = CliRunner.run(new FlakyServer(1), Map.of(), "--retries", "1", "--fail-on-flaky", file);
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertTrue(r.out().contains("FLAKY"), r.toString());
    }

    @Test
    void aSteadyFailureStaysAFailureWithOneRerunFailurePerRetry() throws Exception {
        String file = script("echo.scs", PASS);
        FlakyServer server = new FlakyServer(Integer.MAX_VALUE);
        Path junit = dir.resolve("junit.xml");
        CliRunner.Run r = CliRunner.run(server, Map.of(), "--retries", "2", "--junit", junit.toString(), file);
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertEquals(3, server.connects.get());
        assertTrue(r.out().contains("FAIL  Echo (" + file + ")"), r.toString());
        assertTrue(r.out().contains("failed 3 attempts"), r.toString());
        String xml = Files.readString(junit);
        validateAgainstSurefire(xml);
        Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
        assertEquals(1, testcase.getElementsByTagName("failure").getLength(), xml);
        assertEquals(2, testcase.getElementsByTagName("rerunFailure").getLength(), xml);
        assertEquals(0, testcase.getElementsByTagName("flakyFailure").getLength(), xml);
    }

    @Test
    void aMismatchIsRetriedOnlyWhenRetryOnNamesIt() throws Exception {
        String file = script("bad.scs", MISMATCH);
        FakeServer server = new FakeServer();
        CliRunner.Run once = CliRunner.run(server, Map.of(), "--retries", "2", file);
        assertEquals(ExitCodes.FAILED, once.code(), once.toString());
        assertEquals(1, server.requests.size(), "a mismatch is not retried by default");
        CliRunner.Run thrice = CliRunner.run(server, Map.of(), "--retries", "2", "--retry-on", "mismatch,timeout", file);
        assertEquals(ExitCodes.FAILED, thrice.code(), thrice.toString());
        assertEquals(4, server.requests.size(), "then twice more");
    }

    @Test
    void withoutRetriesNothingRunsTwice() throws Exception {
        String file = script("echo.scs", PASS);
        FlakyServer server = new FlakyServer(1);
        CliRunner.Run r = CliRunner.run(server, Map.of(), file);
        assertEquals(ExitCodes.FAILED, r.code(), r.toString());
        assertEquals(1, server.connects.get());
    }

    @Test
    void badRetryOptionsAreUsageErrors() throws Exception {
        String file = script("echo.scs", PASS);
        CliRunner.Run never = CliRunner.run(new FakeServer(), Map.of(), "--retries", "1", "--retry-on",
                "invalid_script", file);
        assertEquals(ExitCodes.USAGE, never.code(), never.toString());
        assertTrue(never.err().contains("error: --retry-on: invalid_script is never retried"), never.toString());
        CliRunner.Run unknown = CliRunner.run(new FakeServer(), Map.of(), "--retry-on", "flaky", file);
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("unknown failure kind 'flaky' (expected mismatch, timeout"), unknown.toString());
        CliRunner.Run many = CliRunner.run(new FakeServer(), Map.of(), "--retries", "11", file);
        assertEquals(ExitCodes.USAGE, many.code());
        assertTrue(many.err().contains("--retries: retries must be between 0 and 10, not 11"), many.toString());
    }

    /**
     * Validates against Surefire's own schema (vendored under src/test/resources/xsd). Our testsuite
     * also carries Ant's {@code timestamp} and {@code hostname}, which that schema does not list (our
     * own, stricter schema checks them): they are removed first.
     */
    static void validateAgainstSurefire(String xml) throws Exception {
        Document doc = parse(xml);
        doc.getDocumentElement().removeAttribute("timestamp");
        doc.getDocumentElement().removeAttribute("hostname");
        StringWriter stripped = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(stripped));
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.newSchema(RetriesTest.class.getResource("/xsd/surefire-test-report-3.0.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(stripped.toString())));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String child) {
        NodeList l = parent.getElementsByTagName(child);
        assertEquals(1, l.getLength(), child);
        return l.item(0).getTextContent();
    }
}
