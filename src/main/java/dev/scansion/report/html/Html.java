package dev.scansion.report.html;

import dev.scansion.text.Printable;
import dev.scansion.text.XmlEscape;

/** Escaping for the pages: control characters shown escaped ({@link Printable}), then XML-escaped. */
final class Html {
    private Html() {
    }

    /** Character data, line breaks kept. */
    static String text(String s) {
        return XmlEscape.text(Printable.text(s));
    }

    /** Character data on one line. */
    static String line(String s) {
        return XmlEscape.text(Printable.line(s));
    }

    /** One line cut at {@code max} characters of the original. */
    static String shortLine(String s, int max) {
        return XmlEscape.text(Printable.shortLine(s, max));
    }

    /** A double-quoted attribute value. */
    static String attr(String s) {
        return XmlEscape.attribute(Printable.line(s));
    }
}
