package dev.scansion.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class XmlEscapeTest {
    @Test
    void escapesMarkupAndKeepsWhitespaceThroughAParser() throws Exception {
        String value = "a&b<c>d\"e'f\tg\nh\ri";
        String xml = "<r a=\"" + XmlEscape.attribute(value) + "\">" + XmlEscape.text(value) + "</r>";
        Element r = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        assertEquals(value, r.getAttribute("a"));
        assertEquals(value, r.getTextContent());
    }

    @Test
    void leavesOutWhatXmlCannotCarry() {
        assertEquals("ab😀c", XmlEscape.text("a\u001b\u0007b\uD83D\uDE00\uD800c\uFFFE"));
    }
}
