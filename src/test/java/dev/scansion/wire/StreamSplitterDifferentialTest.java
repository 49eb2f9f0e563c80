package dev.scansion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.jxmpp.xml.splitter.XmppElementCallback;
import org.jxmpp.xml.splitter.XmppXmlSplitter;

/**
 * Random well-formed streams (seeded, a bounded count) split in random chunks by this splitter and
 * by jxmpp's {@link XmppXmlSplitter}, which the runner used before: the same headers, elements
 * and closes, and the elements the generator wrote.
 */
class StreamSplitterDifferentialTest {
    private static final int STREAMS = 300;
    private static final String[] NAMES = {"message", "iq", "presence", "stream:features", "db:result", "x", "body", "a-b.c_d9"};
    private static final String[] TEXT = {"hi", " ", "\n", "a &amp; b", "&lt;x/&gt;", ">", "/", "'\"", "\uD83D\uDE00", "é", "&#x1F600;", "]]"};
    private static final String[] SPACE = {"", " ", "\n", "\r\n\t "};

    /** One random stream and what it must be split into. */
    private record Generated(String text, List<String> events) {
    }

    @Test
    void splitsLikeJxmppAndAsWrittenWhateverTheChunks() throws IOException {
        for (int seed = 0; seed < STREAMS; seed++) {
            Random random = new Random(seed);
            Generated stream = generate(random);
            assertEquals(stream.events(), jxmpp(stream.text(), random), "jxmpp, seed " + seed);
            for (int chunking = 0; chunking < 3; chunking++) {
                assertEquals(stream.events(), ours(stream.text(), random), "seed " + seed + ", chunking " + chunking);
            }
        }
    }

    private static Generated generate(Random random) {
        StringBuilder text = new StringBuilder();
        List<String> events = new ArrayList<>();
        int restarts = random.nextInt(3);
        for (int s = 0; s <= restarts; s++) {
            if (random.nextBoolean()) text.append("<?xml version='1.0' encoding='UTF-8'?>").append(pick(random, SPACE));
            String prefix = random.nextInt(4) == 0 ? "s" : "stream";
            text.append('<').append(prefix).append(":stream xmlns='jabber:client' xmlns:").append(prefix)
                    .append("='http://etherx.jabber.org/streams' id='").append(random.nextInt(1000)).append("' version='1.0'>");
            events.add("open " + prefix + " " + new TreeMap<>(Map.of("xmlns", "jabber:client",
                    "xmlns:" + prefix, "http://etherx.jabber.org/streams", "id", text.substring(text.lastIndexOf("id='") + 4,
                            text.lastIndexOf("' version")), "version", "1.0")));
            int elements = random.nextInt(8);
            for (int e = 0; e < elements; e++) {
                text.append(pick(random, SPACE));
                StringBuilder element = new StringBuilder();
                element(random, element, 0);
                text.append(element);
                events.add("element " + element);
            }
            text.append(pick(random, SPACE));
            if (s == restarts && random.nextBoolean()) {
                text.append("</").append(prefix).append(":stream>");
                events.add("close");
            }
        }
        return new Generated(text.toString(), events);
    }

    private static void element(Random random, StringBuilder out, int depth) {
        String name = pick(random, NAMES);
        out.append('<').append(name);
        for (int a = random.nextInt(4); a > 0; a--) {
            char quote = random.nextBoolean() ? '\'' : '"';
            String space = pick(random, SPACE);
            out.append(space.isEmpty() ? " " : space).append("a").append(a)
                    .append(random.nextBoolean() ? "=" : " =" /* jxmpp refuses space after = */).append(quote);
            for (int v = random.nextInt(4); v > 0; v--) {
                String piece = pick(random, TEXT);
                out.append(piece.replace(String.valueOf(quote), "")); // the other quote stays
            }
            out.append(quote);
        }
        if (depth > 3 || random.nextInt(3) == 0) {
            out.append(random.nextBoolean() ? "/>" : " />");
            return;
        }
        out.append('>');
        for (int c = random.nextInt(4); c > 0; c--) {
            if (random.nextBoolean()) element(random, out, depth + 1);
            else out.append(pick(random, TEXT));
        }
        out.append("</").append(name).append(random.nextInt(5) == 0 ? " >" : ">");
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static List<String> ours(String text, Random chunks) {
        List<String> events = new ArrayList<>();
        StreamSplitter splitter = new StreamSplitter(1 << 20, new StreamSplitter.Listener() {
            @Override
            public void streamOpened(StreamHeader header) {
                events.add("open " + header.prefix() + " " + new TreeMap<>(header.attributes()));
            }

            @Override
            public void element(String xml) {
                events.add("element " + xml);
            }

            @Override
            public void streamClosed(String closingTag) {
                events.add("close");
            }

            @Override
            public void malformed(String message) {
                events.add("malformed " + message);
            }
        });
        for (int at = 0; at < text.length(); ) {
            int len = 1 + chunks.nextInt(Math.min(text.length() - at, 40));
            int off = chunks.nextInt(3);
            char[] buf = new char[off + len];
            text.getChars(at, at + len, buf, off);
            splitter.feed(buf, off, len);
            at += len;
        }
        return events;
    }

    private static List<String> jxmpp(String text, Random chunks) throws IOException {
        List<String> events = new ArrayList<>();
        XmppXmlSplitter splitter = new XmppXmlSplitter(1 << 20, new XmppElementCallback() {
            @Override
            public void onCompleteElement(String element) {
                events.add("element " + element.strip()); // jxmpp keeps the whitespace before an element
            }

            @Override
            public void streamOpened(String prefix, Map<String, String> attributes) {
                events.add("open " + prefix + " " + new TreeMap<>(attributes));
            }

            @Override
            public void streamClosed() {
                events.add("close");
            }
        });
        for (int at = 0; at < text.length(); ) {
            int len = 1 + chunks.nextInt(Math.min(text.length() - at, 40));
            // jxmpp 1.0.3 misreads any offset but 0 (see StreamCapture's history): always pass 0.
            char[] buf = text.substring(at, at + len).toCharArray();
            splitter.write(buf, 0, len);
            at += len;
        }
        return events;
    }
}
