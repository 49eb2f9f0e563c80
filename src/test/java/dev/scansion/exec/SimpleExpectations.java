package dev.scansion.exec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchResult;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;

/**
 * A deliberately small stand-in for the matcher and payload writer, so the step logic can be tested
 * on its own: top-level name and attributes only (markers supported), one difference per attribute.
 */
final class SimpleExpectations implements Expectations {
    private final String file;

    SimpleExpectations(String file) {
        this.file = file;
    }

    @Override
    public MatchResult match(XmlElement expected, Bindings bindings, String raw) {
        Element got;
        try {
            got = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(raw))).getDocumentElement();
        } catch (Exception e) {
            return mismatch(List.of(diff(expected, "/", "not well-formed", "", raw)), 100);
        }
        if (!got.getTagName().equals(expected.localName())) {
            return mismatch(List.of(diff(expected, "/", "element differs", expected.localName(), got.getTagName())), 50);
        }
        List<Difference> diffs = new ArrayList<>();
        Map<String, String> captures = new HashMap<>();
        for (XmlAttribute a : expected.attributes()) {
            String path = "/" + expected.localName() + "/@" + a.localName();
            if (!got.hasAttribute(a.localName())) {
                diffs.add(diff(expected, path, "attribute missing", a.value().toString(), "(absent)"));
                continue;
            }
            String value = got.getAttribute(a.localName());
            if (a.value() instanceof Value.Capture c) {
                captures.put(c.name(), value);
            } else if (a.value() instanceof Value.Template t) {
                String want = resolve(t, bindings);
                if (!want.equals(value)) diffs.add(diff(expected, path, "attribute value differs", want, value));
            }
        }
        return diffs.isEmpty() ? new MatchResult.Match(captures) : mismatch(diffs, diffs.size());
    }

    @Override
    public String render(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException {
        StringBuilder sb = new StringBuilder("<").append(element.localName());
        for (XmlAttribute a : element.attributes()) {
            sb.append(' ').append(a.localName()).append("='")
                    .append(resolveOrThrow((Value.Template) a.value(), bindings)).append('\'');
        }
        return sb.append("/>").toString();
    }

    private static String resolve(Value.Template t, Bindings b) {
        try {
            return resolveOrThrow(t, b);
        } catch (Bindings.UnboundVariableException e) {
            return "${" + e.variable().expression() + "}";
        }
    }

    private static String resolveOrThrow(Value.Template t, Bindings b) throws Bindings.UnboundVariableException {
        StringBuilder sb = new StringBuilder();
        for (Value.Part p : t.parts()) {
            sb.append(p instanceof Value.Literal l ? l.text() : b.resolve((Value.Variable) p));
        }
        return sb.toString();
    }

    private Difference diff(XmlElement at, String path, String reason, String expected, String received) {
        return new Difference(new SourceSpan(file, at.pos()), path, reason, expected, received);
    }

    private static MatchResult mismatch(List<Difference> diffs, double distance) {
        return new MatchResult.Mismatch(diffs, distance);
    }
}
