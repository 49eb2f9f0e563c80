package dev.scansion.report.html;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.match.ReceivedStanza;
import dev.scansion.text.Printable;

/** What the pages show of a stanza: a short label for its arrow, and the whole, pretty-printed and cut. */
final class StanzaText {
    /** Characters of one stanza shown on a page; the rest is said as "… (N bytes)", as the console cuts. */
    static final int SHOWN_CHARS = 8 * 1024;
    private static final int LABEL_CHARS = 48;
    private static final Pattern START_TAG = Pattern.compile("^<([A-Za-z_][\\w.:-]*)([^>]*?)/?>");
    private static final Pattern TYPE = Pattern.compile("\\stype\\s*=\\s*(['\"])(.*?)\\1");

    private StanzaText() {
    }

    /** {@code message chat}, {@code iq get}, {@code presence}: the element name and its type. */
    static String label(String xml) {
        Matcher m = START_TAG.matcher(xml.strip());
        if (!m.find()) return Printable.shortLine(xml.strip(), LABEL_CHARS);
        Matcher t = TYPE.matcher(m.group(2));
        String label = m.group(1) + (t.find() ? " " + t.group(2) : "");
        return Printable.shortLine(label, LABEL_CHARS);
    }

    /** The value of attribute {@code name} of the element's start tag, as written (entities not decoded). */
    static Optional<String> attribute(String xml, String name) {
        Matcher m = START_TAG.matcher(xml.strip());
        if (!m.find()) return Optional.empty();
        Matcher a = Pattern.compile("\\s" + Pattern.quote(name) + "\\s*=\\s*(['\"])(.*?)\\1").matcher(m.group(2));
        return a.find() ? Optional.of(a.group(2)) : Optional.empty();
    }

    /** The stanza indented for reading (as received when it does not parse), cut at {@link #SHOWN_CHARS}. */
    static String pretty(String xml) {
        String cut = Printable.cut(xml.strip(), SHOWN_CHARS);
        if (cut.length() != xml.strip().length()) return cut;
        try {
            return ReceivedStanza.parse(xml.strip()).pretty();
        } catch (ReceivedStanza.MalformedStanzaException | RuntimeException e) {
            return xml.strip();
        }
    }
}
