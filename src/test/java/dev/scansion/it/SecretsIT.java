package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scansion.cli.Main;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * No password in any output, and nothing else changed: a script that sends its actors' password
 * inside stanzas (a body, an attribute, a registration form) and then fails runs against a real
 * Prosody with every output on (console, {@code -v}, {@code --json}, {@code --junit},
 * {@code --transcripts}), and {@code check} runs on a broken copy. Each output must not hold the
 * password in any form a server or script writes it, and must be identical, once timings and
 * stream ids are normalised, to the same run with a control password: so masking hit exactly the
 * password's places and never the runner's words, names or other values (with the password
 * {@code e}: not {@code type="g******t"}).
 */
@Timeout(300)
class SecretsIT {
    private static final String CONTROL = "Zq9-Control-Kp4";
    private static ProsodyServer server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"S3cr3t-XYZ-123", "e", "password", "p&<>'\"w"})
    void noOutputHoldsThePasswordAndNothingElseChanges(String password) throws Exception {
        Map<String, String> secret = outputs(password);
        Map<String, String> control = outputs(CONTROL);
        for (var e : secret.entrySet()) {
            String output = e.getValue();
            assertFalse(control.get(e.getKey()).contains(CONTROL), e.getKey() + " shows the control password:\n"
                    + control.get(e.getKey()));
            for (String form : forms(password)) {
                assertFalse(leaks(output, form), e.getKey() + " shows the password as " + form + ":\n" + output);
            }
            assertEquals(normalise(control.get(e.getKey()), CONTROL), normalise(output, password),
                    e.getKey() + " differs from the same run with another password");
        }
        // the run did send the password, and the reports still parse
        assertTrue(secret.get("transcript").contains("<body>******</body>"), secret.get("transcript"));
        assertTrue(secret.get("verbose").contains("<password>******</password>"), secret.get("verbose"));
        assertTrue(secret.get("check").contains("<body>******</body>"), secret.get("check"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new java.io.StringReader(secret.get("junit"))));
        assertTrue(secret.get("json").startsWith("{") && secret.get("json").strip().endsWith("}"));
    }

    /** Every output of one run of the script with {@code password}, and of {@code check} on a broken copy. */
    private static Map<String, String> outputs(String password) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "run");
        Path script = dir.resolve("secret.scs");
        Files.writeString(script, script(password, false));
        Path broken = dir.resolve("broken.scs");
        Files.writeString(broken, script(password, true));
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Map<String, String> out = new LinkedHashMap<>();
        String[] run = cli("run", "--no-color", "-v", "--host", server.host(), "--port",
                Integer.toString(server.port()), "--timeout", "1s", "--json", reports.resolve("run.json").toString(),
                "--junit", reports.resolve("junit.xml").toString(), "--transcripts",
                reports.resolve("transcripts").toString(), "--html", reports.resolve("html").toString(),
                script.toString());
        assertEquals("1", run[0], "the script is meant to fail at its last step\n" + run[1] + run[2]);
        out.put("console", run[1]);
        // the trace interleaves actors as their streams go; each actor's lines each way keep their order
        out.put("verbose", byActor(run[2]));
        out.put("json", Files.readString(reports.resolve("run.json")));
        out.put("junit", Files.readString(reports.resolve("junit.xml")));
        try (Stream<Path> files = Files.list(reports.resolve("transcripts"))) {
            List<Path> list = files.toList();
            assertEquals(1, list.size(), list.toString());
            out.put("transcript", Files.readString(list.get(0)));
        }
        // the HTML report: its words whole; of the diagram (laid out by timing) its labels, sorted
        String page = Files.readString(reports.resolve("html/scripts/0001-secret.html"));
        String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
        out.put("html", Files.readString(reports.resolve("html/index.html")) + page.replace(svg, "SVG"));
        out.put("html diagram", String.join("\n", Pattern.compile(">([^<>]+)</(?:text|title)>").matcher(svg).results()
                .map(m -> m.group(1)).filter(t -> !t.startsWith("⋯")).sorted().toList()));
        String[] check = cli("check", "--no-color", broken.toString());
        assertEquals("2", check[0], check[1] + check[2]);
        out.put("check", check[1] + check[2]);
        out.replaceAll((k, v) -> v.replace(dir.toString(), "DIR").replace(dir.getFileName().toString(), "RUN"));
        return out;
    }

    private static final Pattern TAG = Pattern.compile("<([\\w:-]+)((?:\\s+[\\w:-]+=(?:'[^']*'|\"[^\"]*\"))+)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("[\\w:-]+=(?:'[^']*'|\"[^\"]*\")");

    /** Servers order attributes as they like, even between two identical stanzas: sort them. */
    private static String sortAttributes(String s) {
        return TAG.matcher(s).replaceAll(m -> {
            List<String> attributes = new ArrayList<>(ATTRIBUTE.matcher(m.group(2)).results().map(r -> r.group())
                    .toList());
            attributes.sort(null);
            return java.util.regex.Matcher.quoteReplacement("<" + m.group(1) + " " + String.join(" ", attributes)
                    + m.group(3) + ">");
        });
    }

    private static String byActor(String trace) {
        Map<String, StringBuilder> actors = new LinkedHashMap<>();
        for (String line : trace.split("\n")) {
            // "[Romeo] ->" and "[Romeo] <-": a reply may be traced before or after the next send
            String actor = line.startsWith("[") && line.indexOf(']') > 0 ? line.substring(0, line.indexOf(']') + 4) : "";
            actors.computeIfAbsent(actor, a -> new StringBuilder()).append(line).append('\n');
        }
        return String.join("", actors.values());
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static String script(String password, boolean broken) {
        String xml = escape(password);
        return """
                # Secrets stay secret

                [Client] Romeo
                \tjid: romeo@localhost/balcony
                \tpassword: %1$s

                [Client] Juliet
                \tjid: juliet@localhost/garden
                \tpassword: %1$s

                -----

                Romeo connects

                Juliet connects

                Romeo sends:
                \t<message to='juliet@localhost/garden' type='chat' id='m1'>
                \t\t<body>%2$s</body>
                \t\t<x xmlns='urn:example:secret' value='%2$s'/>
                \t</message>

                Juliet receives:
                \t<message type='chat' id='m1'>
                \t\t<body>%2$s</body>
                \t</message>

                Romeo sends:
                \t<iq type='set' id='reg1' to='localhost'>
                \t\t<query xmlns='jabber:iq:register'><username>romeo</username><password>%2$s</password></query>
                \t</iq>

                Romeo receives:
                \t<iq type='error' id='reg1'/>

                Romeo sends:
                \t<message to='juliet@localhost/garden' type='chat' id='m2'>%3$s<body>%2$s</body></message>

                Juliet receives:
                \t<message type='chat' id='m2'><body>not it</body></message>
                """.formatted(password, xml, broken ? "<x></y>" : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    /** The forms a password takes in outputs: as is, and XML-escaped the ways writers and servers do. */
    private static List<String> forms(String password) {
        List<String> forms = new ArrayList<>(List.of(password, escape(password),
                password.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
                password.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"),
                password.replace("\"", "\\\"")));
        return forms.stream().distinct().toList();
    }

    /**
     * Whether {@code form} shows as data. A long password with a digit or a sign must not show at
     * all; a short one or a plain word (which also names elements and keys) must not show where
     * data stands: in element text, a quoted value, a JSON string, a property value. Where it may
     * stand is proved by the comparison with the control run.
     */
    private static boolean leaks(String output, String form) {
        if (form.length() > 3 && !form.matches("[A-Za-z]+")) return output.contains(form);
        String q = Pattern.quote(form);
        String inside = form.length() > 3 ? "[^<>'\"]*" : "\\s*";
        return Pattern.compile(">" + inside + q + inside + "<|=['\"]" + inside + q + inside + "['\"]|\"" + q
                + "\"|: " + q + "$", Pattern.MULTILINE).matcher(output).find();
    }

    /** Timings, timestamps, stream ids and the password itself (where it may stand: none) made comparable. */
    private static String normalise(String s, String password) {
        return sortAttributes(s).replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "T")
                .replaceAll(" \\[(order|to socket|arrival to verdict) [^\\]]*\\]", "")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z?", "TS")
                .replaceAll("\"(\\w*(Ms|At|duration|time)\\w*)\": ?[\\d.\"TSZ:-]+", "\"$1\": N")
                .replaceAll("(time|timestamp)=\"[^\"]*\"", "$1=\"N\"")
                .replaceAll("\\+\\d+ ms", "+N ms")
                .replaceAll("id=(['\"])[A-Za-z0-9]{5}-\\d+\\1", "id='SMACK'")
                .replaceAll("id=(['\"])[^'\"]{8,}(\\1|…)", "id='ID'")
                .replaceAll("\"(java|os|host|version)[^\"]*\": ?\"[^\"]*\"", "\"$1\": \"X\"");
    }
}
