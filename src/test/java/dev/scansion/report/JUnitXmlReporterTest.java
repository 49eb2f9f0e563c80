package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import dev.scansion.result.Direction;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.TranscriptEntry;

class JUnitXmlReporterTest {
    @TempDir
    Path dir;

    static void validate(String xml) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator v = sf.newSchema(JUnitXmlReporterTest.class.getResource("surefire-junit.xsd")).newValidator();
        v.validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) return e;
        }
        throw new AssertionError("no testcase " + name);
    }

    private static Element child(Element parent, String name) {
        NodeList l = parent.getElementsByTagName(name);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    @Test
    void mixedRunIsValidAndCountsAreRight() throws Exception {
        String xml = JUnitXmlReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO);
        validate(xml);
        Element suite = parse(xml).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("7.300", suite.getAttribute("time"));
        assertEquals("2025-05-01T10:00:00", suite.getAttribute("timestamp"));
        assertEquals("ci-host", suite.getAttribute("hostname"));
        assertEquals(5, suite.getElementsByTagName("testcase").getLength());
        assertEquals(1, suite.getElementsByTagName("failure").getLength());
        assertEquals(2, suite.getElementsByTagName("error").getLength());
        assertEquals(1, suite.getElementsByTagName("skipped").getLength());
        NodeList props = suite.getElementsByTagName("property");
        assertEquals("scansion.version", ((Element) props.item(0)).getAttribute("name"));
        assertEquals("1.2.3", ((Element) props.item(0)).getAttribute("value"));
        assertEquals("5222", ((Element) props.item(2)).getAttribute("value"));
    }

    @Test
    void passedScriptHasNameClassnameTimeAndTranscript() throws Exception {
        Document doc = parse(JUnitXmlReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO));
        Element tc = testcase(doc, "hello.scs");
        assertEquals("specs.chat", tc.getAttribute("classname"));
        assertEquals("1.234", tc.getAttribute("time"));
        assertEquals(null, child(tc, "failure"));
        String out = child(tc, "system-out").getTextContent();
        assertTrue(out.contains("<iq type='get' id='v1'>\n  \t<query xmlns='jabber:iq:version'/>"), out);
        assertTrue(out.contains("+12 ms  2025-05-01T10:00:00.012Z  Romeo sent"), out);
        assertTrue(out.contains("+15 ms  2025-05-01T10:00:00.015Z  Romeo received"), out);
    }

    @Test
    void failureHasOneLineMessageTypeAndThePlainExplanation() throws Exception {
        Document doc = parse(JUnitXmlReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO));
        Element failure = child(testcase(doc, "roles.scs"), "failure");
        assertEquals("specs/muc/roles.scs:24:3: Romeo receives: no matching stanza within 5 s; 2 stanzas set aside",
                failure.getAttribute("message"));
        assertEquals("mismatch", failure.getAttribute("type"));
        String body = failure.getTextContent();
        assertTrue(body.contains("--> specs/muc/roles.scs:24:3"), body);
        assertTrue(body.contains("/presence/x{muc#user}/item/@role: attribute value differs"), body);
        assertTrue(body.contains("expected: visitor"), body);
        assertTrue(body.contains("received: moderator"), body);
        assertTrue(body.contains("set aside (2):"), body);
        assertFalse(body.contains("\u001b["), "no colour codes");
    }

    @Test
    void scriptsThatCouldNotRunAreErrors() throws Exception {
        Document doc = parse(JUnitXmlReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO));
        Element parse = child(testcase(doc, "broken.scs"), "error");
        assertEquals("specs/broken.scs:14:1: unknown actor 'Romeo2' (and 1 more)", parse.getAttribute("message"));
        assertEquals("invalid_script", parse.getAttribute("type"));
        assertTrue(parse.getTextContent().contains("error: unknown verb 'shouts'"), parse.getTextContent());
        assertEquals(null, child(testcase(doc, "broken.scs"), "system-out"), "nothing ran");

        Element down = testcase(doc, "down.scs");
        assertEquals("scansion", down.getAttribute("classname"), "a script without a directory");
        assertEquals("down.scs:12:1: Romeo connects: cannot connect to 127.0.0.1:1: Connection refused",
                child(down, "error").getAttribute("message"));
        assertEquals("unreachable", child(down, "error").getAttribute("type"));
    }

    @Test
    void tagFilteredScriptIsSkippedWithItsReason() throws Exception {
        Document doc = parse(JUnitXmlReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO));
        Element tc = testcase(doc, "slow.scs");
        assertEquals("tagged slow (--skip-tags)", child(tc, "skipped").getAttribute("message"));
        assertEquals(null, child(tc, "system-out"));
    }

    @Test
    void selectionProblemsAreErroredTestCases() throws Exception {
        RunResult run = new RunResult(List.of(), List.of("missing.scs: no such file or directory"),
                ReportFixtures.T0, Duration.ZERO);
        String xml = JUnitXmlReporter.render(run, ReportFixtures.INFO);
        validate(xml);
        Element suite = parse(xml).getDocumentElement();
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("missing.scs: no such file or directory",
                child(testcase(parse(xml), "selection"), "error").getAttribute("message"));
    }

    @Test
    void charactersXmlCannotCarryAreRemovedAndTheRestEscaped() throws Exception {
        String nasty = "a\u0001b\u0000c\uD800d\uFFFEe \"q\" 'a' <x> & ]]> \uD83D\uDE00 tab\tcr\rend";
        ScriptResult base = ReportFixtures.passed();
        ScriptResult r = Results.script("dir.v2/we\"ird&<name>.scs", Optional.empty(), nasty, List.of(),
                ScriptStatus.SKIPPED, base.startedAt(), Duration.ZERO, Optional.empty(), List.of(),
                List.of(new TranscriptEntry("R", Direction.SENT, base.startedAt(), nasty)), List.of(),
                Optional.of(nasty));
        ScriptResult ran = Results.script("x.scs", Optional.empty(), "", List.of(), ScriptStatus.PASSED,
                base.startedAt(), Duration.ZERO, Optional.empty(), List.of(),
                List.of(new TranscriptEntry("R", Direction.SENT, base.startedAt(), nasty)), List.of(), Optional.empty());
        RunResult run = new RunResult(List.of(r, ran), List.of(), ReportFixtures.T0, Duration.ZERO);
        String xml = JUnitXmlReporter.render(run, ReportFixtures.INFO);
        validate(xml);
        Document doc = parse(xml);
        Element tc = testcase(doc, "we\"ird&<name>.scs");
        assertEquals("dir_v2", tc.getAttribute("classname"));
        // Control characters are shown escaped (as on the console); what XML cannot carry at all is left out.
        String clean = "a\\x01b\\x00c\\u{D800}de \"q\" 'a' <x> & ]]> \uD83D\uDE00 tab\tcr\\rend";
        assertEquals(clean, child(tc, "skipped").getAttribute("message"), "attribute whitespace survives");
        assertTrue(child(testcase(doc, "x.scs"), "system-out").getTextContent().contains(clean));
    }

    @Test
    void theSchemaRejectsWhatIsNotAReport() {
        assertThrows(SAXException.class, () -> validate("<testsuite name='x' tests='one' failures='0' errors='0' skipped='0'/>"));
        assertThrows(SAXException.class, () -> validate("<testsuite name='x' tests='1' failures='0' errors='0' skipped='0'>"
                + "<testcase name='a'/></testsuite>"), "testcase needs a time");
        assertThrows(SAXException.class, () -> validate("<testsuite name='x' tests='1' failures='0' errors='0' skipped='0'>"
                + "<testcase name='a' time='1'><system-out/><failure type='t'/></testcase></testsuite>"), "order");
        assertThrows(SAXException.class, () -> validate("<testsuites/>"));
    }

    @ParameterizedTest
    @CsvSource({
            "specs/muc/join.scs, specs.muc, join.scs",
            "join.scs, scansion, join.scs",
            "./specs/join.scs, specs, join.scs",
            "../up/v1.2/x.scs, up.v1_2, x.scs",
            "/abs/path/x.scs, abs.path, x.scs",
            "C:\\tests\\x.scs, tests, x.scs",
    })
    void classnameFromTheDirectoryNameFromTheFile(String path, String classname, String name) {
        assertEquals(classname, JUnitXmlReporter.className(path));
        assertEquals(name, JUnitXmlReporter.fileName(path));
    }

    @Test
    void writesTheFileCreatingDirectories() throws Exception {
        Path file = dir.resolve("reports/junit/TEST-scansion.xml");
        JUnitXmlReporter.write(ReportFixtures.mixedRun(), ReportFixtures.INFO, file);
        validate(Files.readString(file));
    }
}
