package dev.scansion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven cases, each fed whole, one character at a time and in random chunks at random offsets. */
class StreamSplitterTest {
    static final String OPEN = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " id='s1' from='localhost' version='1.0'>";
    static final String CLOSE = "</stream:stream>";

    /** Records what the splitter reports, one line per event. */
    static class Events implements StreamSplitter.Listener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void streamOpened(StreamHeader header) {
            lines.add("open " + header.prefix() + " " + header.raw());
        }

        @Override
        public void element(String xml) {
            lines.add("element " + xml);
        }

        @Override
        public void streamClosed(String closingTag) {
            lines.add("close " + closingTag);
        }

        @Override
        public void malformed(String message) {
            lines.add("malformed " + message);
        }
    }

    static List<String> split(String input, int max, Random chunks) {
        Events events = new Events();
        StreamSplitter splitter = new StreamSplitter(max, events);
        int at = 0;
        while (at < input.length()) {
            int len = chunks == null ? input.length() : 1 + chunks.nextInt(Math.min(input.length() - at, 17));
            int off = chunks == null ? 0 : chunks.nextInt(5);
            char[] buf = new char[off + len + 3];
            input.getChars(at, at + len, buf, off);
            splitter.feed(buf, off, len);
            at += len;
        }
        return events.lines;
    }

    static Stream<Arguments> cases() {
        String msg = "<message to='a@b' type='chat'><body>one &amp; two &#x1F600; \uD83D\uDE00</body></message>";
        return Stream.of(
                Arguments.of("declaration, elements, whitespace and close",
                        "<?xml version='1.0' encoding='UTF-8'?>\n" + OPEN + "\n  " + msg + " \r\n\t<presence/>" + CLOSE,
                        List.of("open stream " + OPEN, "element " + msg, "element <presence/>", "close " + CLOSE)),
                Arguments.of("features with prefixes and nesting",
                        OPEN + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN"
                                + "</mechanism></mechanisms><db:dialback xmlns:db='jabber:server:dialback'/></stream:features>"
                                + "<db:result from='a' to='b' type='valid'/>",
                        List.of("open stream " + OPEN, "element <stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                                + "<mechanism>PLAIN</mechanism></mechanisms><db:dialback xmlns:db='jabber:server:dialback'/>"
                                + "</stream:features>", "element <db:result from='a' to='b' type='valid'/>")),
                Arguments.of("attribute values with '>', '/' and the other quote",
                        OPEN + "<iq id=\"a>b/c'd\" to='x/y>\"z' type = 'get' ><q xmlns='q' v='/>'/></iq >",
                        List.of("open stream " + OPEN, "element <iq id=\"a>b/c'd\" to='x/y>\"z' type = 'get' ><q xmlns='q' v='/>'/></iq >")),
                Arguments.of("comments and processing instructions between and inside elements",
                        "<!-- hi -- there ->-->" + OPEN + "<!--<message>-->" + "<?pi stuff?>"
                                + "<message><!-- a </message> --><body>x</body><?p a='?>'?></message>",
                        List.of("open stream " + OPEN, "element <message><!-- a </message> --><body>x</body><?p a='?>'?></message>")),
                Arguments.of("CDATA with markup and brackets",
                        OPEN + "<message><body><![CDATA[</body> <x> ]] ]>]]]></body></message>",
                        List.of("open stream " + OPEN, "element <message><body><![CDATA[</body> <x> ]] ]>]]]></body></message>")),
                Arguments.of("a restarted stream (after SASL) without closing the first",
                        OPEN + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>" + OPEN.replace("s1", "s2") + "<presence/>",
                        List.of("open stream " + OPEN, "element <success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>",
                                "open stream " + OPEN.replace("s1", "s2"), "element <presence/>")),
                Arguments.of("another stream prefix and a default-namespace stream",
                        "<s:stream xmlns:s='http://etherx.jabber.org/streams'><s:error/></s:stream>"
                                + "<stream xmlns='http://etherx.jabber.org/streams'><x/></stream>",
                        List.of("open s <s:stream xmlns:s='http://etherx.jabber.org/streams'>", "element <s:error/>",
                                "close </s:stream>", "open  <stream xmlns='http://etherx.jabber.org/streams'>",
                                "element <x/>", "close </stream>")),
                Arguments.of("an element named like the stream inside an element is just an element",
                        OPEN + "<x><stream:stream xmlns:stream='http://etherx.jabber.org/streams'></stream:stream></x>",
                        List.of("open stream " + OPEN,
                                "element <x><stream:stream xmlns:stream='http://etherx.jabber.org/streams'></stream:stream></x>")),
                Arguments.of("garbage instead of a stream header (an HTTP server)",
                        "HTTP/1.1 400 Bad Request\r\n\u001b[31mServer: evil\u0007\r\n\r\n<stream:stream>",
                        List.of("malformed not XML before the stream header at character 1: "
                                + "\"HTTP/1.1 400 Bad Request\\r\\n\\e[31mServer: evil\\x07\\r\\n\\r\\n<stream:stream>\"")),
                Arguments.of("an element before the stream header",
                        "<html><body>", List.of("malformed expected the stream header at character 6: \"<html>\"")),
                Arguments.of("a stream tag without the streams namespace is not a header",
                        "<stream:stream xmlns:stream='urn:other'>",
                        List.of("malformed expected the stream header at character 40: \"<stream:stream xmlns:stream='urn:other'>\"")),
                Arguments.of("a stray end tag, then nothing more is reported",
                        OPEN + "<a/></x><b/>", List.of("open stream " + OPEN, "element <a/>",
                                "malformed an end tag that closes no element at character " + (OPEN.length() + 8) + ": \"</x>\"")),
                Arguments.of("a mismatched end tag",
                        OPEN + "<a><b></a></b>", List.of("open stream " + OPEN,
                                "malformed </a> where </b> was expected at character " + (OPEN.length() + 10) + ": \"<a><b></a>\"")),
                Arguments.of("'<' followed by garbage",
                        OPEN + "<a>< b</a>", List.of("open stream " + OPEN,
                                "malformed '<' not followed by a name at character " + (OPEN.length() + 5) + ": \"<a>< \"")),
                Arguments.of("text between elements",
                        OPEN + "<a/>oops<b/>", List.of("open stream " + OPEN, "element <a/>",
                                "malformed text outside any element at character " + (OPEN.length() + 5) + ": \"oops<b/>\"")),
                Arguments.of("an unquoted attribute value",
                        OPEN + "<a x=1/>", List.of("open stream " + OPEN,
                                "malformed an attribute value without quotes at character " + (OPEN.length() + 6) + ": \"<a x=1\"")),
                Arguments.of("CDATA between elements",
                        OPEN + "<![CDATA[x]]>", List.of("open stream " + OPEN,
                                "malformed a CDATA section outside any element at character " + (OPEN.length() + 3) + ": \"<![\"")),
                Arguments.of("a DOCTYPE",
                        "<!DOCTYPE x>", List.of("malformed a DOCTYPE or other '<!' markup at character 3: \"<!D\"")),
                Arguments.of("after the close only a new header is accepted",
                        OPEN + CLOSE + "<a/>", List.of("open stream " + OPEN, "close " + CLOSE,
                                "malformed expected the stream header at character " + (OPEN.length() + CLOSE.length() + 4) + ": \"<a/>\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void splitsTheSameWhateverTheChunks(String name, String input, List<String> expected) {
        assertEquals(expected, split(input, 1 << 20, null), "whole");
        for (int seed = 0; seed < 20; seed++) {
            assertSameEvents(expected, split(input, 1 << 20, new Random(seed)), "chunked, seed " + seed);
        }
        Events one = new Events();
        StreamSplitter splitter = new StreamSplitter(1 << 20, one);
        for (char c : input.toCharArray()) splitter.feed(new char[]{c}, 0, 1);
        assertSameEvents(expected, one.lines, "one character at a time");
    }

    @Test
    void anElementBeyondTheLimitIsReportedOnceAndInputIsThenRefused() {
        String open = "<stream xmlns='http://etherx.jabber.org/streams'>";
        String big = "<message><body>" + "x".repeat(100) + "</body></message>";
        List<String> lines = split(open + "<a/>" + big + "<b/>" + big, 100, new Random(1));
        assertEquals(List.of("open  " + open, "element <a/>", "malformed an element longer than 100 characters at character "
                + (open.length() + 4 + 101) + ": \"<message><body>" + "x".repeat(49) + "… (101 bytes)\""), lines);
        assertEquals(List.of("open  " + open, "element <a/>", "element <b/>"),
                split(open + "<a/>" + "<b/>", open.length(), new Random(1)), "an element of exactly the limit passes");
    }

    @Test
    void theHeaderGivesItsAttributesAsWrittenInOrder() {
        List<StreamHeader> headers = new ArrayList<>();
        StreamSplitter splitter = new StreamSplitter(1000, new Events() {
            @Override
            public void streamOpened(StreamHeader header) {
                headers.add(header);
            }
        });
        String open = "<stream:stream\n xmlns:stream=\"http://etherx.jabber.org/streams\" version='1.0' id='a&amp;b' to = 'x'"
                + " xml:lang='en' from='y' id='dup' xmlns='jabber:client'>";
        splitter.feed(open.toCharArray(), 0, open.length());
        StreamHeader h = headers.get(0);
        assertEquals(List.of("xmlns:stream", "version", "id", "to", "xml:lang", "from", "xmlns"), List.copyOf(h.attributes().keySet()));
        assertEquals("a&amp;b", h.attribute("id").orElseThrow());
        assertEquals("x", h.attribute("to").orElseThrow());
        assertEquals("stream:stream", h.qName());
    }

    @Test
    void resetForgetsAFailureAndExpectsANewHeader() {
        Events events = new Events();
        StreamSplitter splitter = new StreamSplitter(1000, events);
        feed(splitter, OPEN + "<a><b>");
        feed(splitter, "</c>");
        assertTrue(splitter.failed());
        feed(splitter, "<d/>");
        assertEquals(2, events.lines.size(), events.lines.toString());
        splitter.reset();
        assertFalse(splitter.failed());
        feed(splitter, OPEN + "<e/>");
        assertEquals(List.of("open stream " + OPEN, "element <e/>"), events.lines.subList(2, 4));
    }

    /**
     * Equal events; text outside elements is shown as far as it had arrived when the splitter saw
     * it, so a chunked malformed message may show a prefix of the whole input's.
     */
    private static void assertSameEvents(List<String> expected, List<String> actual, String how) {
        assertEquals(expected.size(), actual.size(), how + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            if (e.startsWith("malformed ") && a.endsWith("\"")) {
                assertTrue(e.startsWith(a.substring(0, a.length() - 1)), how + ": " + a + " is not a prefix of " + e);
            } else {
                assertEquals(e, a, how);
            }
        }
    }

    private static void feed(StreamSplitter splitter, String s) {
        splitter.feed(s.toCharArray(), 0, s.length());
    }
}
