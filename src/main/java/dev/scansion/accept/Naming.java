package dev.scansion.accept;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.scansion.author.JidNames;
import dev.scansion.author.Values;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * How a received value is written back into a script, by the recorder's rule ({@link Values}): JIDs
 * as the script's variables, values the server minted as markers. What the script's own sends before
 * the step said (an id the client chose comes back as sent, and stays literal) and the resources the
 * server assigned are the {@link Values.Context} of that rule.
 */
record Naming(JidNames jids, Values.Context context) {
    static final Naming NONE = new Naming(JidNames.NONE, Values.Context.NONE);

    Values.Written attribute(List<String> elementPath, String namespace, String localName, String value, boolean strict) {
        return Values.attribute(elementPath, namespace, localName, value, jids, strict, context);
    }

    Values.Written text(List<String> elementPath, String text) {
        return Values.text(elementPath, text, jids, context);
    }

    /**
     * @param fullJids the full JIDs bound so far, by actor
     * @param step     the step being rewritten: the sends before it are what the client said
     */
    static Naming of(Script script, int step, Bindings bindings, Map<String, String> fullJids, JidNames jids) {
        Set<String> sent = new HashSet<>();
        for (Step s : script.steps().subList(0, step)) {
            if (s instanceof Step.Send send) send.payload().forEach(e -> collect(e, bindings, sent));
        }
        Set<String> minted = new HashSet<>();
        for (Actor a : script.actors()) {
            String full = fullJids.get(a.name());
            if (full != null && a.requestedResource().isEmpty() && full.indexOf('/') > 0) {
                minted.add(full.substring(full.indexOf('/') + 1));
            }
        }
        return new Naming(jids, Values.Context.of(sent, minted));
    }

    private static void collect(XmlElement e, Bindings bindings, Set<String> sent) {
        for (XmlAttribute a : e.attributes()) resolve(a.value(), bindings).ifPresent(sent::add);
        for (XmlNode n : e.children()) {
            if (n instanceof XmlElement child) collect(child, bindings, sent);
            else if (n instanceof XmlText t) resolve(t.value(), bindings).map(String::strip).ifPresent(sent::add);
        }
    }

    /** A template's value in this run; empty when it is a marker or has a variable without a value. */
    static Optional<String> resolve(Value value, Bindings bindings) {
        if (!(value instanceof Value.Template t)) return Optional.empty();
        StringBuilder sb = new StringBuilder();
        for (Value.Part part : t.parts()) {
            if (part instanceof Value.Literal l) {
                sb.append(l.text());
            } else {
                try {
                    sb.append(bindings.resolve((Value.Variable) part));
                } catch (Bindings.UnboundVariableException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(sb.toString());
    }
}
