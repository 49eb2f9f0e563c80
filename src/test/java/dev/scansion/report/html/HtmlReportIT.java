package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * The HTML report of a real run (a failing and two passing scripts against Prosody) in a real
 * browser, Debian's headless chromium, with scripts off: from {@code file://} (the pages' own
 * {@code script-src 'none'}; a probe page with a script shows it is in force), and served over HTTP
 * with Jenkins' default Content-Security-Policy ({@code sandbox}: no scripts either). Checks the rendered DOM (every script,
 * the failing arrow red, the differences) and, by screenshot pixels, that the stylesheet applied
 * under the CSP; a control served with {@code style-src 'none'} shows the check can tell.
 * Screenshots are kept under {@code target/html-report-it/}.
 */
@Timeout(600)
class HtmlReportIT {
    private static final Path ARTEFACTS = Path.of("target/html-report-it");
    /** header.top's background in style.css. */
    private static final int HEADER = 0x1f3b57;
    /** The failure red of the diagram (presentation attribute and stylesheet alike). */
    private static final int RED = 0xc62828;
    private static ProsodyServer server;
    private static Path report;
    private static Chromium chromium;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void runAgainstProsody() throws Exception {
        chromium = new Chromium(Files.createDirectories(tmp.resolve("chromium")));
        server = ProsodyServer.start();
        Path scripts = Files.createDirectories(tmp.resolve("scripts"));
        for (String name : List.of("ping.scs", "wrong_reply.scs")) {
            Files.copy(Path.of("src/test/resources/dev/scansion/junit/prosody", name), scripts.resolve(name));
        }
        Files.copy(Path.of("specs/prosody/muc_kick.scs"), scripts.resolve("muc_kick.scs"));
        report = tmp.resolve("report");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("run", "--no-color", "--host", server.host(), "--port", Integer.toString(server.port()),
                "--timeout", "1s", "--html", report.toString(), scripts.toString());
        assertEquals(1, code, out + "\n" + err);
        assertTrue(Files.isRegularFile(report.resolve("index.html")), err.toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String failingPage() throws Exception {
        try (var pages = Files.list(report.resolve("scripts"))) {
            return "scripts/" + pages.map(p -> p.getFileName().toString()).filter(n -> n.contains("wrong_reply"))
                    .findFirst().orElseThrow();
        }
    }

    /** A page with the report's head and a script that would change it: the script must not run. */
    @Test
    void scriptsDoNotRunInTheReportsPages() throws Exception {
        StringBuilder probe = new StringBuilder();
        Page.open(probe, "probe", "style.css");
        probe.append("<p id=\"x\">static</p><script>document.getElementById('x').textContent='scripted'</script>");
        Page.close(probe);
        Path file = Files.writeString(tmp.resolve("probe.html"), probe);
        assertTrue(chromium.dumpDom(file.toUri().toString()).contains("<p id=\"x\">static</p>"));
        try (CspServer http = new CspServer(tmp, CspServer.JENKINS_CSP)) {
            assertTrue(chromium.dumpDom(http.url("probe.html")).contains("<p id=\"x\">static</p>"));
        }
    }

    @Test
    void fromFileWithScriptsOff() throws Exception {
        String index = chromium.dumpDom(report.resolve("index.html").toUri().toString());
        for (String title : List.of("Ping answered", "Ping with the wrong expectation", "MUC: kick an occupant")) {
            assertTrue(index.contains(">" + title + "</a>"), "index lists " + title + ":\n" + index);
        }
        assertTrue(index.indexOf("wrong expectation") < index.indexOf("Ping answered"), "failures first");
        assertTrue(index.contains("wrong_reply.scs:15"), "the failing step's line");
        String page = chromium.dumpDom(report.resolve(failingPage()).toUri().toString());
        assertTrue(Pattern.compile("<line class=\"arrow received failed\"[^>]*stroke=\"#c62828\"").matcher(page).find(),
                "the failing arrow red:\n" + page);
        assertTrue(page.contains("<td class=\"path\">/iq/@type</td>"), "the differences:\n" + page);
        assertTrue(page.contains("<td class=\"expected\">error</td>") && page.contains("<td class=\"received\">result</td>"));
        String kick = chromium.dumpDom(report.resolve("scripts/0001-muc_kick.html").toUri().toString());
        assertTrue(kick.contains(">conference.localhost</text>"), "a lane for the MUC service");

        BufferedImage shot = chromium.screenshot(report.resolve(failingPage()).toUri().toString(),
                ARTEFACTS.resolve("failing-script-file.png"), 1100, 1400);
        assertTrue(Chromium.near(Chromium.rgb(shot, 10, 10), HEADER, 6), "the stylesheet applied from file://");
        assertTrue(Chromium.anyPixelNear(shot, RED, 12), "the failure drawn red");
        chromium.screenshot(report.resolve("index.html").toUri().toString(), ARTEFACTS.resolve("index-file.png"), 1100, 700);
        chromium.screenshot(report.resolve("scripts/0001-muc_kick.html").toUri().toString(),
                ARTEFACTS.resolve("muc-kick-file.png"), 1100, 1600);
    }

    @Test
    void servedWithJenkinsDefaultCsp() throws Exception {
        try (CspServer http = new CspServer(report, CspServer.JENKINS_CSP)) {
            String index = chromium.dumpDom(http.url("index.html"));
            assertTrue(index.contains("Ping with the wrong expectation") && index.contains("MUC: kick an occupant"), index);
            String page = chromium.dumpDom(http.url(failingPage()));
            assertTrue(page.contains("class=\"arrow received failed\"") && page.contains("<td class=\"path\">/iq/@type</td>"));
            BufferedImage shot = chromium.screenshot(http.url(failingPage()), ARTEFACTS.resolve("failing-script-csp.png"),
                    1100, 1400);
            assertTrue(http.requests.contains("GET /style.css 200"), http.requests.toString());
            assertTrue(Chromium.near(Chromium.rgb(shot, 10, 10), HEADER, 6),
                    "the stylesheet applied under the CSP: " + Integer.toHexString(Chromium.rgb(shot, 10, 10)));
            assertTrue(Chromium.anyPixelNear(shot, RED, 12), "the failure drawn red under the CSP");
            chromium.screenshot(http.url("index.html"), ARTEFACTS.resolve("index-csp.png"), 1100, 700);
        }
    }

    /**
     * The control: with every stylesheet blocked the header is not drawn (so the pixel check above
     * does tell), while the diagram keeps its red from SVG presentation attributes, which
     * {@code style-src} does not govern.
     */
    @Test
    void stylesheetBlockedControl() throws Exception {
        try (CspServer http = new CspServer(report, "sandbox; default-src 'none'; style-src 'none';")) {
            BufferedImage shot = chromium.screenshot(http.url(failingPage()), ARTEFACTS.resolve("failing-script-no-css.png"),
                    1100, 1400);
            assertFalse(Chromium.near(Chromium.rgb(shot, 10, 10), HEADER, 6), "the stylesheet was blocked");
            assertTrue(Chromium.anyPixelNear(shot, RED, 12), "presentation attributes still draw the failure red");
        }
    }
}
