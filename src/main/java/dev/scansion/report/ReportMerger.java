package dev.scansion.report;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code merge-reports}: the reports of several shards as one. JSON: counts summed, the verdict the
 * worst of the shards', problems joined, scripts sorted by path (stable), {@code startedAt} the
 * earliest and {@code durationMs} up to the latest end, the first report's tool, server and host,
 * and {@code mergedFrom} naming the inputs. JUnit XML: one {@code <testsuite>} whose counts and time
 * are the sums, the earliest timestamp, the first report's properties and host, and every
 * {@code <testcase>} sorted by {@code classname} then {@code name} (stable).
 */
public final class ReportMerger {
    private static final List<String> VERDICTS = List.of("passed", "failed", "error", "invalid");
    private static final List<String> COUNTS = List.of("tests", "failures", "errors", "skipped");
    /** Elements whose content is only elements: whitespace in them is layout. */
    private static final java.util.Set<String> ELEMENT_ONLY = java.util.Set.of("testsuite", "properties", "testcase",
            "flakyFailure", "flakyError", "rerunFailure", "rerunError");

    private ReportMerger() {
    }

    /** The merged text, in the inputs' format; every input must have the same format. */
    public static String merge(List<ReportReader.Report> reports) throws ReportReader.Unreadable {
        ReportReader.Format format = reports.get(0).format();
        for (ReportReader.Report r : reports) {
            if (r.format() != format) {
                throw new ReportReader.Unreadable("cannot mix JSON and JUnit XML reports (" + reports.get(0).file()
                        + " is " + name(format) + ", " + r.file() + " is " + name(r.format()) + ")");
            }
        }
        return format == ReportReader.Format.JSON ? json(reports) : junit(reports);
    }

    public static String name(ReportReader.Format f) {
        return f == ReportReader.Format.JSON ? "JSON" : "JUnit XML";
    }

    private static String json(List<ReportReader.Report> reports) throws ReportReader.Unreadable {
        Map<String, Object> first = reports.get(0).json();
        Map<String, Object> out = new LinkedHashMap<>(first);
        Map<String, Object> counts = new LinkedHashMap<>();
        List<Object> problems = new ArrayList<>();
        List<Map<?, ?>> scripts = new ArrayList<>();
        String verdict = "passed";
        Instant start = null;
        Instant end = null;
        for (ReportReader.Report r : reports) {
            Map<String, Object> j = r.json();
            ((Map<?, ?>) j.get("counts")).forEach((k, v) -> counts.merge((String) k, v,
                    (a, b) -> a instanceof BigDecimal x && b instanceof BigDecimal y ? x.add(y) : a));
            if (j.get("problems") instanceof List<?> p) problems.addAll(p);
            for (Object s : (List<?>) j.get("scripts")) if (s instanceof Map<?, ?> m) scripts.add(m);
            if (j.get("verdict") instanceof String v && VERDICTS.indexOf(v) > VERDICTS.indexOf(verdict)) verdict = v;
            try {
                Instant s = Instant.parse((String) j.get("startedAt"));
                Instant e = s.plusMillis(((BigDecimal) j.get("durationMs")).longValue());
                start = start == null || s.isBefore(start) ? s : start;
                end = end == null || e.isAfter(end) ? e : end;
            } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                throw new ReportReader.Unreadable(r.file() + ": no startedAt and durationMs");
            }
        }
        scripts.sort(Comparator.comparing(m -> String.valueOf(m.get("path"))));
        out.put("startedAt", Times.iso(start));
        out.put("durationMs", BigDecimal.valueOf(end.toEpochMilli() - start.toEpochMilli()));
        out.put("verdict", verdict);
        out.put("counts", counts);
        out.put("problems", problems);
        out.put("scripts", scripts);
        out.put("mergedFrom", reports.stream().map(r -> r.file().toString()).toList());
        StringBuilder sb = new StringBuilder();
        write(new JsonWriter(sb), out);
        return sb.toString();
    }

    private static void write(JsonWriter w, Object v) {
        if (v instanceof Map<?, ?> m) {
            w.beginObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w.name((String) e.getKey());
                write(w, e.getValue());
            }
            w.endObject();
        } else if (v instanceof List<?> l) {
            w.beginArray();
            for (Object o : l) write(w, o);
            w.endArray();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof BigDecimal n) {
            w.value(n);
        } else if (v instanceof Boolean b) {
            w.value(b);
        } else {
            w.nullValue();
        }
    }

    private static String junit(List<ReportReader.Report> reports) throws ReportReader.Unreadable {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element first = reports.get(0).xml().getDocumentElement();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            suite.setAttribute("name", first.getAttribute("name"));
            long[] sums = new long[COUNTS.size()];
            BigDecimal time = BigDecimal.ZERO;
            String timestamp = null;
            List<Element> cases = new ArrayList<>();
            for (ReportReader.Report r : reports) {
                Element s = r.xml().getDocumentElement();
                for (int i = 0; i < sums.length; i++) sums[i] += number(r, s, COUNTS.get(i)).longValue();
                if (s.hasAttribute("time")) time = time.add(number(r, s, "time"));
                String ts = s.getAttribute("timestamp");
                if (!ts.isEmpty() && (timestamp == null || ts.compareTo(timestamp) < 0)) timestamp = ts;
                NodeList l = s.getElementsByTagName("testcase");
                for (int i = 0; i < l.getLength(); i++) cases.add((Element) l.item(i));
            }
            for (int i = 0; i < sums.length; i++) suite.setAttribute(COUNTS.get(i), String.valueOf(sums[i]));
            suite.setAttribute("time", time.setScale(3, java.math.RoundingMode.HALF_UP).toPlainString());
            if (timestamp != null) suite.setAttribute("timestamp", timestamp);
            if (first.hasAttribute("hostname")) suite.setAttribute("hostname", first.getAttribute("hostname"));
            NodeList props = first.getElementsByTagName("properties");
            if (props.getLength() > 0) suite.appendChild(doc.importNode(props.item(0), true));
            cases.sort(Comparator.comparing((Element e) -> e.getAttribute("classname"))
                    .thenComparing(e -> e.getAttribute("name")));
            for (Element c : cases) suite.appendChild(doc.importNode(c, true));
            return serialise(doc);
        } catch (ParserConfigurationException | TransformerException | IOException e) {
            throw new ReportReader.Unreadable("cannot merge: " + e.getMessage());
        }
    }

    private static BigDecimal number(ReportReader.Report r, Element suite, String attribute)
            throws ReportReader.Unreadable {
        try {
            return new BigDecimal(suite.getAttribute(attribute).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ReportReader.Unreadable(r.file() + ": <testsuite " + attribute + "> is not a number");
        }
    }

    private static String serialise(Document doc) throws TransformerException, IOException {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        StringWriter w = new StringWriter();
        doc.setXmlStandalone(true);
        removeWhitespace(doc.getDocumentElement());
        t.transform(new DOMSource(doc), new StreamResult(w));
        return w.toString().replaceFirst("\\?><", "?>\n<") + (w.toString().endsWith("\n") ? "" : "\n");
    }

    /** Whitespace between elements comes from the inputs' layout; the output is laid out anew. */
    private static void removeWhitespace(Node n) {
        NodeList children = n.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node c = children.item(i);
            boolean layout = c.getNodeType() == Node.TEXT_NODE && c.getTextContent().isBlank();
            if (layout && ELEMENT_ONLY.contains(n.getNodeName())) n.removeChild(c);
            else if (c.getNodeType() == Node.ELEMENT_NODE) removeWhitespace(c);
        }
    }
}
