package dev.scansion.exec;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/** Lists the {@code ${...}} variables of a payload, in document order. */
final class PayloadVariables {
    private PayloadVariables() {
    }

    static List<Value.Variable> of(List<XmlElement> payload) {
        List<Value.Variable> out = new ArrayList<>();
        payload.forEach(e -> collect(e, out));
        return out;
    }

    private static void collect(XmlElement element, List<Value.Variable> out) {
        for (XmlAttribute a : element.attributes()) add(a.value(), out);
        for (XmlNode child : element.children()) {
            if (child instanceof XmlElement e) collect(e, out);
            else if (child instanceof XmlText t) add(t.value(), out);
        }
    }

    private static void add(Value value, List<Value.Variable> out) {
        if (value instanceof Value.Template t) {
            for (Value.Part p : t.parts()) {
                if (p instanceof Value.Variable v) out.add(v);
            }
        }
    }
}
