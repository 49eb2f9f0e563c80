package dev.scansion.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlText;

/** What the generaliser writes literally, the parser reads back as that value ($${ is a literal ${). */
class ScriptSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"${x}", "$${x}", "$$${x}", "a $ b", "${", "}${}", "price: $5", "${Romeo's JID}",
            "& < > \" ' \t", "{not a marker}", "tail$"})
    void aLiteralValueRoundTripsInAttributesAndText(String value) {
        String written = ScriptSyntax.literal(value);
        String attr = escapeAttr(written);
        String text = PayloadPrinter.escapeText(written);
        Script s = GeneraliserGoldenTest.parse("t.scs", "[Client] Romeo\n\tjid: romeo@localhost\n\n-----\n\n"
                + "Romeo sends:\n\t<message a=\"" + attr + "\"><body>" + text + "</body></message>\n\n"
                + "Romeo receives:\n\t<message a=\"" + attr + "\"><body>" + text + "</body></message>\n");
        for (Step step : s.steps()) {
            XmlElement e = step instanceof Step.Send send ? send.payload().get(0) : ((Step.Receive) step).payload().get(0);
            assertEquals(value, literal(e.attributes().get(0).value()), step.verb());
            assertEquals(value, literal(((XmlText) e.elements().get(0).children().get(0)).value()), step.verb());
        }
    }

    @Test
    void aVariableAfterAnEscapeKeepsItsPosition() {
        Script s = GeneraliserGoldenTest.parse("t.scs", "[Client] Romeo\n\tjid: romeo@localhost\n\n-----\n\n"
                + "Romeo sends:\n\t<message a=\"$${x} ${Romeo's JID}\"/>\n");
        XmlAttribute a = ((Step.Send) s.steps().get(0)).payload().get(0).attributes().get(0);
        Value.Template t = assertInstanceOf(Value.Template.class, a.value());
        assertEquals(List.of(new Value.Literal("${x} ")), t.parts().subList(0, 1));
        Value.Variable v = assertInstanceOf(Value.Variable.class, t.parts().get(1));
        assertEquals(7, v.pos().line());
        assertEquals(20, v.pos().column()); // the "${" of the variable (column 20), not of the escape (15)
    }

    @Test
    void onlyMarkerLookAlikesCannotStandLiterally() {
        assertEquals(false, ScriptSyntax.writable("{scansion:any}"));
        assertEquals(false, ScriptSyntax.writable("a {scansion:capture:x} b"));
        assertEquals(true, ScriptSyntax.writable("${x} {scansion}"));
    }

    private static String literal(Value v) {
        Value.Template t = assertInstanceOf(Value.Template.class, v);
        assertEquals(false, t.hasVariables(), t.toString());
        return t.parts().isEmpty() ? "" : ((Value.Literal) t.parts().get(0)).text();
    }

    private static String escapeAttr(String s) {
        return dev.scansion.text.XmlEscape.attribute(s);
    }
}
