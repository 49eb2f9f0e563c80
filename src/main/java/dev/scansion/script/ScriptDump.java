package dev.scansion.script;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Tag;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * A readable, deterministic text form of a parsed script, with every position; used by the golden
 * tests and handy when debugging a script. Passwords are masked. Elements are walked with an
 * explicit stack, so deep payloads are safe even in a small thread stack.
 */
public final class ScriptDump {
    private final StringBuilder out = new StringBuilder();

    private ScriptDump() {
    }

    public static String dump(Script script) {
        ScriptDump d = new ScriptDump();
        d.script(script);
        return d.out.toString();
    }

    private void script(Script s) {
        line(0, "file: " + s.file());
        line(0, "title: " + quote(s.title()));
        if (!s.description().isEmpty()) {
            line(0, "description:");
            for (String l : s.description().split("\n", -1)) line(1, "| " + l);
        }
        for (Tag t : s.tags()) line(0, "tag " + quote(t.name()) + (t.value() == null ? "" : " = " + quote(t.value())) + at(t.span().pos()));
        for (Actor a : s.actors()) {
            line(0, "actor " + quote(a.name()) + " [" + a.actorClass() + "]" + at(a.span().pos()));
            for (Actor.Property p : a.properties().values()) {
                String v = Secrets.isSecretKey(p.key()) ? Secrets.MASK : quote(p.written());
                line(1, p.key() + " = " + v + at(p.span().pos()));
            }
        }
        for (Step step : s.steps()) step(step);
    }

    private void step(Step step) {
        line(0, "step " + quote(step.actor()) + " " + step.verb() + at(step.span().pos()));
        List<XmlElement> payload = step instanceof Step.Send send ? send.payload()
                : step instanceof Step.Receive receive ? receive.payload() : List.of();
        for (XmlElement e : payload) element(1, e);
    }

    /** Iterative, like every walker over payloads: the depth a payload may have costs no Java stack. */
    private void element(int rootDepth, XmlElement root) {
        record Item(int depth, XmlNode node) {
        }
        Deque<Item> todo = new ArrayDeque<>();
        todo.push(new Item(rootDepth, root));
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            int depth = item.depth();
            if (item.node() instanceof XmlText t) {
                line(depth, "text " + value(t.value()) + at(t.pos()));
                continue;
            }
            XmlElement e = (XmlElement) item.node();
            startTag(depth, e);
            List<XmlNode> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) todo.push(new Item(depth + 1, children.get(i)));
        }
    }

    private void startTag(int depth, XmlElement e) {
        String strict = e.strict().map(b -> " strict=" + b).orElse("");
        line(depth, "<" + e.qualifiedName() + "> {" + e.namespace() + "}" + strict + at(e.pos()));
        for (Map.Entry<String, String> d : e.namespaceDeclarations().entrySet()) {
            line(depth + 1, (d.getKey().isEmpty() ? "xmlns" : "xmlns:" + d.getKey()) + " = " + quote(d.getValue()));
        }
        for (XmlAttribute a : e.attributes()) {
            String ns = a.namespace().isEmpty() ? "" : " {" + a.namespace() + "}";
            line(depth + 1, "@" + a.qualifiedName() + ns + " = " + value(a.value()) + at(a.pos()));
        }
    }

    static String value(Value v) {
        if (v instanceof Value.Capture c) return "{scansion:capture:" + c.name() + "}";
        if (v instanceof Value.Template t) return template(t);
        return "{scansion:any}";
    }

    private static String template(Value.Template t) {
        if (t.parts().isEmpty()) return "\"\"";
        StringBuilder sb = new StringBuilder();
        for (Value.Part p : t.parts()) {
            if (!sb.isEmpty()) sb.append(" + ");
            if (p instanceof Value.Literal l) {
                sb.append(quote(l.text()));
            } else if (p instanceof Value.Variable var) {
                String target = var.target();
                sb.append("${").append(var.expression()).append("}[").append(var.kind()).append(' ')
                        .append(quote(target)).append(at(var.pos())).append(']');
            }
        }
        return sb.toString();
    }

    private static String at(SourcePos p) {
        return " @" + p;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
