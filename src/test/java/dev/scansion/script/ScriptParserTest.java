package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlText;

class ScriptParserTest {
    static final String HEAD = "[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: secret\n\n-----\n\n";

    @Test
    void unknownPropertyIsAWarningForRunAndAnErrorForCheck() {
        String text = "[Client] Romeo\n\tjid: romeo@localhost\n\tcolour: red\n-----\nRomeo connects\n";
        ParseResult run = ScriptParser.parse("a.scs", text);
        assertTrue(run.ok());
        assertEquals(1, run.diagnostics().size());
        assertEquals(Diagnostic.Severity.WARNING, run.diagnostics().get(0).severity());
        assertEquals("a.scs:3:2: warning: unknown property 'colour'", run.diagnostics().get(0).oneLine());

        ParseResult check = ScriptParser.parse("a.scs", text, ParseOptions.CHECK);
        assertFalse(check.ok());
        assertEquals("a.scs:3:2: error: unknown property 'colour'", check.errors().get(0).oneLine());
    }

    @Test
    void keepsTextOfTextOnlyElementsAndDropsLayout() {
        String text = HEAD + "Romeo sends:\n\t<message>\n\t\t<body> a  b </body>\n\t\t<subject>\n\t\t</subject>\n\t</message>\n";
        Script s = ScriptParser.parse("t.scs", text).script().orElseThrow();
        XmlElement message = ((Step.Send) s.steps().get(0)).payload().get(0);
        assertEquals(2, message.children().size(), "whitespace between children is not kept");
        XmlText body = message.elements().get(0).texts().get(0);
        assertEquals(Value.Template.literal(" a  b "), body.value());
        assertTrue(message.elements().get(1).children().isEmpty(), "a line break alone is layout");
    }

    @Test
    void variablesAndMarkersAreModelled() {
        String text = HEAD.replace("-----", "[Client] Juliet's phone\n\tjid: j@localhost\n\n-----")
                + "Romeo receives:\n\t<iq id='{scansion:capture:x}' to=\"${Juliet's phone's full JID}\" from='{scansion:any}'/>\n"
                + "Romeo sends:\n\t<iq id='${x}' to=\"${Romeo's JID}/res\"/>\n";
        ParseResult r = ScriptParser.parse("v.scs", text);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        XmlElement got = ((Step.Receive) r.script().orElseThrow().steps().get(0)).payload().get(0);
        assertEquals(new Value.Capture("x"), got.attributes().get(0).value());
        Value.Template to = (Value.Template) got.attributes().get(1).value();
        Value.Variable v = (Value.Variable) to.parts().get(0);
        assertEquals(Value.Variable.Kind.FULL_JID, v.kind());
        assertEquals("Juliet's phone", v.actor());
        assertInstanceOf(Value.Any.class, got.attributes().get(2).value());
        XmlElement sent = ((Step.Send) r.script().orElseThrow().steps().get(1)).payload().get(0);
        Value.Variable capture = (Value.Variable) ((Value.Template) sent.attributes().get(0).value()).parts().get(0);
        assertEquals(Value.Variable.Kind.CAPTURE, capture.kind());
        assertEquals("x", capture.name());
        Value.Template bare = (Value.Template) sent.attributes().get(1).value();
        assertEquals(List.of(new Value.Literal("/res")), bare.parts().subList(1, 2));
    }

    @Test
    void theSeparatorAloneIsNotAComment() {
        assertTrue(SourceText.isSeparator("-----"));
        assertTrue(SourceText.isSeparator("---   "));
        assertFalse(SourceText.isSeparator("--"));
        assertTrue(SourceText.isComment("--"));
        assertTrue(SourceText.isComment("-- Romeo sends:"));
        assertFalse(SourceText.isComment("-----"));
    }

    @Test
    void errorsAreCappedWithAFinalNote() {
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = 0; i < 200; i++) sb.append("Nobody").append(i).append(" connects\n");
        ParseResult r = ScriptParser.parse("many.scs", sb.toString());
        assertEquals(ParseOptions.DEFAULT_MAX_ERRORS + 1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(r.diagnostics().size() - 1).message().startsWith("too many errors"));
    }

    @Test
    void ioProblemsAreDiagnostics(@TempDir Path dir) throws IOException {
        ParseResult missing = ScriptParser.parse(dir.resolve("nope.scs"));
        assertFalse(missing.ok());
        assertEquals(dir.resolve("nope.scs") + ":1:1: error: cannot read script: no such file",
                missing.errors().get(0).oneLine());
        ParseResult directory = ScriptParser.parse(dir);
        assertFalse(directory.ok());
        Path latin1 = dir.resolve("latin1.scs");
        Files.write(latin1, "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ParseResult bad = ScriptParser.parse(latin1);
        assertEquals(latin1 + ":1:6: error: not a UTF-8 text file: invalid byte 0xE9", bad.errors().get(0).oneLine());
    }

    @Test
    void displayNameIsThePathAsGiven(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.scs");
        Files.writeString(f, HEAD + "Romeo dances\n");
        ParseResult r = ScriptParser.parse(f);
        assertEquals(f.toString(), r.file());
        assertTrue(r.errors().get(0).render().contains("--> " + f + ":7:7"), r.errors().get(0).render());
    }

    private static final String ENV = "[Client] Romeo\n\tjid: ${env:ROMEO_USER}@localhost\n\tpassword: ${env:SCANSION_PW}\n"
            + "-----\nRomeo connects\n";

    @Test
    void environmentVariablesGiveActorPropertiesWithoutShowingThem() {
        Map<String, String> env = Map.of("ROMEO_USER", "romeo", "SCANSION_PW", "S3cr3t-XYZ");
        ParseResult r = ScriptSources.parse("e.scs", ENV, ParseOptions.RUN.withEnvironment(env::get)).parsed();
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        Script s = r.script().orElseThrow();
        assertEquals("S3cr3t-XYZ", s.actors().get(0).password().orElseThrow());
        assertEquals("romeo@localhost", s.actors().get(0).jid());
        String dump = ScriptDump.dump(s);
        assertTrue(dump.contains("jid = \"${env:ROMEO_USER}@localhost\""), dump);
        assertFalse(dump.contains("S3cr3t-XYZ"), dump);
        assertFalse(s.toString().contains("S3cr3t-XYZ"), s.toString());
        assertFalse(s.toString().contains("romeo@"), s.toString());
    }

    @Test
    void anUnsetVariableIsAnErrorForRunAndAWarningForCheck() {
        Map<String, String> env = Map.of("ROMEO_USER", "romeo");
        ParseResult run = ScriptSources.parse("e.scs", ENV, ParseOptions.RUN.withEnvironment(env::get)).parsed();
        assertFalse(run.ok());
        assertEquals("e.scs:3:12: error: environment variable 'SCANSION_PW' is not set", run.errors().get(0).oneLine());
        assertEquals("set it in the environment of 'scansion run'", run.errors().get(0).detail());

        ParseResult check = ScriptSources.parse("e.scs", ENV, ParseOptions.CHECK.withEnvironment(env::get)).parsed();
        assertTrue(check.ok(), () -> check.diagnostics().toString());
        Diagnostic w = check.diagnostics().get(0);
        assertEquals("e.scs:3:12: warning: environment variable 'SCANSION_PW' is not set", w.oneLine());
        assertEquals("'scansion run' will fail unless it is set", w.detail());

        ParseResult bad = ScriptSources.parse("e.scs", ENV.replace("${env:ROMEO_USER}", "${env:9x}").replace("${env:SCANSION_PW}", "${env:PW"),
                ParseOptions.RUN.withEnvironment(env::get)).parsed();
        assertEquals(List.of("e.scs:2:7: error: bad environment variable name '9x'",
                "e.scs:3:12: error: unterminated '${env:'"), bad.errors().stream().map(Diagnostic::oneLine).toList());
    }

    @Test
    void headerTextIsKeptPrintable() {
        Script s = ScriptParser.parse("h.scs", "# Evil \u001b[2J\u0007\n# line \u202E two\n" + HEAD + "Romeo connects\n")
                .script().orElseThrow();
        assertEquals("Evil \\e[2J\\x07", s.title());
        assertEquals("line \\u{202E} two", s.description());
    }
}
