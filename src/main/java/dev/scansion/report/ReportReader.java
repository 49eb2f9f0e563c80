package dev.scansion.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import dev.scansion.text.Printable;

/**
 * Reads a report of ours back: the JSON report or the JUnit XML report, told apart by the file's
 * extension ({@code .json}, {@code .xml}) or else by its first character. Used by
 * {@code --shard-weights} (measured durations) and {@code merge-reports}. Bounded by
 * {@link #MAX_BYTES}; any problem is an {@link Unreadable} with a one-line reason.
 */
public final class ReportReader {
    /** A report larger than this is not one of ours (transcripts are bounded per script). */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    public enum Format { JSON, JUNIT }

    /** A report as read: the JSON tree ({@code Map}) or the XML document, whichever the format is. */
    public record Report(Path file, Format format, Map<String, Object> json, Document xml) {
    }

    /** Not a report of ours, or not readable; the message names the file. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private ReportReader() {
    }

    public static Report read(Path file) throws Unreadable {
        String name = Printable.line(file.toString());
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new Unreadable(name + ": larger than " + MAX_BYTES + " bytes");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + name + ": " + Printable.line(String.valueOf(e.getMessage())));
        }
        Format format = format(file, bytes);
        if (format == null) throw new Unreadable(name + ": neither a JSON nor a JUnit XML report");
        return format == Format.JSON ? json(file, name, bytes) : junit(file, name, bytes);
    }

    private static Format format(Path file, byte[] bytes) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) return Format.JSON;
        if (n.endsWith(".xml")) return Format.JUNIT;
        for (byte b : bytes) {
            if (b == '{') return Format.JSON;
            if (b == '<') return Format.JUNIT;
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Report json(Path file, String name, byte[] bytes) throws Unreadable {
        Object tree;
        try {
            tree = JsonReader.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonReader.Malformed e) {
            throw new Unreadable(name + ":" + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> m) || !(m.get("scripts") instanceof List<?>) || !(m.get("counts") instanceof Map<?, ?>)) {
            throw new Unreadable(name + ": not a scansion JSON report (no counts and scripts)");
        }
        return new Report(file, Format.JSON, (Map<String, Object>) tree, null);
    }

    private static Report junit(Path file, String name, byte[] bytes) throws Unreadable {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            if (!doc.getDocumentElement().getTagName().equals("testsuite")) {
                throw new Unreadable(name + ": not a JUnit XML report (the root is <"
                        + Printable.line(doc.getDocumentElement().getTagName()) + ">, not <testsuite>)");
            }
            return new Report(file, Format.JUNIT, null, doc);
        } catch (SAXParseException e) {
            throw new Unreadable(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                    + Printable.line(String.valueOf(e.getMessage())));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new Unreadable(name + ": " + Printable.line(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The measured duration (milliseconds) of each script that ran, keyed by {@link #key}. Skipped
     * scripts have no duration worth the name and are left out.
     */
    public static Map<String, Long> durations(Report r) {
        Map<String, Long> out = new HashMap<>();
        if (r.format() == Format.JSON) {
            for (Object o : (List<?>) r.json().get("scripts")) {
                if (!(o instanceof Map<?, ?> s) || !(s.get("path") instanceof String path)) continue;
                if ("skipped".equals(s.get("status")) || !(s.get("durationMs") instanceof BigDecimal ms)) continue;
                out.put(key(path), ms.longValue());
            }
            return out;
        }
        NodeList cases = r.xml().getDocumentElement().getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("skipped").getLength() > 0) continue;
            try {
                long ms = new BigDecimal(c.getAttribute("time").replace(",", "")).movePointRight(3).longValue();
                out.put(c.getAttribute("classname") + "#" + c.getAttribute("name"), ms);
            } catch (NumberFormatException e) {
                // no usable time: the script counts as the median
            }
        }
        return out;
    }

    /**
     * How a script is known across both formats: the JUnit report's {@code classname#name}, which the
     * JSON report's path also gives ({@code specs/muc/join.scs} gives {@code specs.muc#join.scs}).
     */
    public static String key(String scriptPath) {
        return JUnitXmlReporter.className(scriptPath) + "#" + JUnitXmlReporter.fileName(scriptPath);
    }
}
