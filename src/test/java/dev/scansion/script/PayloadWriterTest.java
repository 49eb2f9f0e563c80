package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;

class PayloadWriterTest {
    /** Test bindings: JIDs from a map, captures from another; anything else is unbound. */
    static Bindings bindings(Map<String, String> values) {
        return new Bindings() {
            public String resolve(Value.Variable v) throws UnboundVariableException {
                String value = values.get(v.expression());
                if (value == null) throw new UnboundVariableException(v, "no value for " + v.expression());
                return value;
            }

            public Optional<String> capture(String name) {
                return Optional.ofNullable(values.get(name));
            }
        };
    }

    private static List<XmlElement> sent(String payload) {
        String text = ScriptParserTest.HEAD.replace("-----", "[Client] Juliet\n\tjid: juliet@localhost\n-----")
                + "Romeo sends:\n" + payload;
        ParseResult r = ScriptParser.parse("w.scs", text);
        return ((Step.Send) r.script().orElseThrow(() -> new AssertionError(r.diagnostics())).steps().get(0)).payload();
    }

    @Test
    void writesAsWrittenWithoutScansionAttributes() throws Exception {
        XmlElement e = sent("\t<iq type='set' id=\"a&apos;b\" scansion:strict='true' xmlns:b='urn:xmpp:blocking'>\n"
                + "\t\t<b:block><b:item jid=\"${Juliet's JID}\"/></b:block>\n\t</iq>\n").get(0);
        String out = PayloadWriter.write(e, bindings(Map.of("Juliet's JID", "juliet@localhost")));
        assertEquals("<iq xmlns:b=\"urn:xmpp:blocking\" type=\"set\" id=\"a'b\">"
                + "<b:block><b:item jid=\"juliet@localhost\"/></b:block></iq>", out);
        wellFormed(out);
    }

    @Test
    void escapesSubstitutedValuesAndText() throws Exception {
        XmlElement e = sent("\t<message to='${Juliet&apos;s JID}'><body>${Juliet's JID} &amp; &lt;3\nok</body></message>\n")
                .get(0);
        String out = PayloadWriter.write(e, bindings(Map.of("Juliet's JID", "a\"<&>\tb")));
        assertEquals("<message to=\"a&quot;&lt;&amp;&gt;&#9;b\"><body>a\"&lt;&amp;&gt;\tb &amp; &lt;3\nok</body></message>", out);
        wellFormed(out);
    }

    @Test
    void addsNoNamespaceToTopLevelStanzasButKeepsDeclaredOnes() throws Exception {
        List<XmlElement> p = sent("\t<presence/>\n\t<message xmlns='jabber:client'><x xmlns='urn:x'/></message>\n");
        assertEquals("<presence/>", PayloadWriter.write(p.get(0), bindings(Map.of())));
        assertEquals("<message xmlns=\"jabber:client\"><x xmlns=\"urn:x\"/></message>",
                PayloadWriter.write(p.get(1), bindings(Map.of())));
    }

    @Test
    void scansionPrefixedElementsStayWellFormed() throws Exception {
        XmlElement e = sent("\t<message><scansion:note/></message>\n").get(0);
        String out = PayloadWriter.write(e, bindings(Map.of()));
        assertEquals("<message><scansion:note xmlns:scansion=\"" + XmlElement.SCANSION_NS + "\"/></message>", out);
        wellFormed(out);
    }

    @Test
    void anyMarkerInASendIsSentAsWritten() throws Exception {
        // as in pep_publish_subscribe: an iq result whose id the recorder replaced by the marker
        XmlElement parsed = sent("\t<iq type='result' id='{scansion:any}'/>\n").get(0);
        assertEquals("<iq type=\"result\" id=\"{scansion:any}\"/>", PayloadWriter.write(parsed, bindings(Map.of())));
        XmlElement built = new XmlElement(XmlElement.JABBER_CLIENT, "iq", "", Map.of(),
                List.of(new XmlAttribute("", "id", "", new Value.Any(), new SourcePos(1, 5))), Optional.empty(),
                List.of(), new SourcePos(1, 1));
        assertEquals("<iq id=\"{scansion:any}\"/>", PayloadWriter.write(built, bindings(Map.of())));
        XmlElement capture = new XmlElement(XmlElement.JABBER_CLIENT, "iq", "", Map.of(),
                List.of(new XmlAttribute("", "id", "", new Value.Capture("c"), new SourcePos(1, 5))), Optional.empty(),
                List.of(), new SourcePos(1, 1));
        assertThrows(IllegalArgumentException.class, () -> PayloadWriter.write(capture, bindings(Map.of())));
    }

    @Test
    void unboundVariablesAreReported() {
        XmlElement e = sent("\t<presence to=\"${Juliet's full JID}\"/>\n").get(0);
        Bindings.UnboundVariableException ex = assertThrows(Bindings.UnboundVariableException.class,
                () -> PayloadWriter.write(e, bindings(Map.of())));
        assertEquals(Value.Variable.Kind.FULL_JID, ex.variable().kind());
    }

    @Test
    void deepTreesDoNotOverflowTheStack() throws Exception {
        XmlElement e = new XmlElement("urn:x", "leaf", "", Map.of(), List.of(), Optional.empty(), List.of(),
                new SourcePos(1, 1));
        for (int i = 0; i < 5000; i++) {
            e = new XmlElement("urn:x", "a", "", Map.of(), List.of(), Optional.empty(), List.<XmlNode>of(e),
                    new SourcePos(1, 1));
        }
        String out = PayloadWriter.write(e, bindings(Map.of()));
        assertEquals("<a>".repeat(5000) + "<leaf/>" + "</a>".repeat(5000), out);
    }

    private static void wellFormed(String xml) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        XMLStreamReader r = f.createXMLStreamReader(new StringReader("<w xmlns='jabber:client'>" + xml + "</w>"));
        while (r.hasNext()) r.next();
    }
}
