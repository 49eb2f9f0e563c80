package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;
import java.util.ArrayList;
import java.util.List;

/**
 * An expected element compiled for one comparison: variables resolved once (instead of at
 * every backtracking step), the mode decided, whitespace-only text dropped.
 *
 * @param strict     the element's mode: its own {@code scansion:strict}, else strict unless in {@code jabber:client}
 * @param text       null when the element accepts any text
 * @param index      pre-order number inside the expectation (root 0), used as a memo key
 * @param hasCapture whether this element or a descendant records a capture
 * @param size       number of elements in this subtree, itself included
 */
record ExpectedElement(XmlElement source, String namespace, String localName, boolean strict,
                       List<ExpectedAttribute> attributes, ExpectedText text, List<ExpectedElement> children,
                       int index, boolean hasCapture, int size) {

    static ExpectedElement compile(XmlElement root, Bindings bindings) {
        return new Compiler(bindings).element(root);
    }

    boolean sameIdentity(ReceivedElement r) {
        return r.sameIdentity(namespace, localName);
    }

    private static final class Compiler {
        private final Bindings bindings;
        private int next;

        Compiler(Bindings bindings) {
            this.bindings = bindings;
        }

        ExpectedElement element(XmlElement e) {
            int index = next++;
            boolean capture = false;
            List<ExpectedAttribute> attributes = new ArrayList<>(e.attributes().size());
            for (var a : e.attributes()) {
                Check c = check(a.value());
                capture |= c instanceof Check.CaptureAs;
                attributes.add(new ExpectedAttribute(a, a.namespace(), a.localName(), c));
            }
            ExpectedText text = text(e);
            capture |= text != null && text.check() instanceof Check.CaptureAs;
            List<ExpectedElement> children = new ArrayList<>();
            int size = 1;
            for (XmlNode n : e.children()) {
                if (n instanceof XmlElement c) {
                    ExpectedElement child = element(c);
                    capture |= child.hasCapture();
                    size += child.size();
                    children.add(child);
                }
            }
            boolean strict = e.strict().orElse(!XmlElement.JABBER_CLIENT.equals(e.namespace()));
            return new ExpectedElement(e, e.namespace(), e.localName(), strict, List.copyOf(attributes), text,
                    List.copyOf(children), index, capture, size);
        }

        /** All text children joined, then trimmed; a marker only counts when it is the only text. */
        private ExpectedText text(XmlElement e) {
            List<XmlText> texts = new ArrayList<>(1);
            for (XmlNode n : e.children()) {
                if (n instanceof XmlText t) texts.add(t);
            }
            if (texts.isEmpty()) return null;
            SourcePos pos = texts.get(0).pos();
            if (texts.size() == 1 && !(texts.get(0).value() instanceof Value.Template)) {
                return new ExpectedText(pos, check(texts.get(0).value()));
            }
            StringBuilder value = new StringBuilder();
            StringBuilder source = new StringBuilder();
            boolean variables = false;
            for (XmlText t : texts) {
                Check c = check(t.value());
                if (c instanceof Check.Unbound) return new ExpectedText(pos, c);
                value.append(c instanceof Check.Equals eq ? eq.value() : c.shown());
                source.append(c instanceof Check.Equals eq && eq.template() != null ? eq.template() : c.shown());
                variables |= c instanceof Check.Equals eq && eq.template() != null;
            }
            String trimmed = Texts.strip(value);
            if (trimmed.isEmpty()) return null;
            return new ExpectedText(pos, new Check.Equals(trimmed, variables ? Texts.strip(source) : null));
        }

        private Check check(Value v) {
            if (v instanceof Value.Capture c) return new Check.CaptureAs(c.name());
            if (v instanceof Value.Template t) return resolve(t);
            return new Check.AnyValue();
        }

        private Check resolve(Value.Template t) {
            if (!t.hasVariables()) {
                return new Check.Equals(t.parts().isEmpty() ? "" : concatLiterals(t), null);
            }
            StringBuilder sb = new StringBuilder();
            for (Value.Part p : t.parts()) {
                if (p instanceof Value.Literal l) {
                    sb.append(l.text());
                    continue;
                }
                Value.Variable var = (Value.Variable) p;
                try {
                    sb.append(bindings.resolve(var));
                } catch (Bindings.UnboundVariableException ex) {
                    String why = ex.getMessage() == null || ex.getMessage().isBlank() ? "" : ": " + ex.getMessage();
                    return new Check.Unbound(t.source(), "${" + var.expression() + "} has no value" + why);
                }
            }
            return new Check.Equals(sb.toString(), t.source());
        }

        private static String concatLiterals(Value.Template t) {
            if (t.parts().size() == 1) return ((Value.Literal) t.parts().get(0)).text();
            StringBuilder sb = new StringBuilder();
            for (Value.Part p : t.parts()) sb.append(((Value.Literal) p).text());
            return sb.toString();
        }
    }
}
