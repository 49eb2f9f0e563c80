package dev.scansion.isolate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlNode;
import dev.scansion.script.ast.XmlText;

/**
 * Rewrites a script for one isolated run (language doc, "Isolation"): the localpart of every JID in
 * the actors' domains and their subdomains (actors' {@code jid}, other accounts, rooms) in actor
 * {@code jid} properties and in the literal text of payloads; the {@code node} of pubsub elements in
 * a stanza to or from a pubsub service (a subdomain, no localpart). Variables, markers, domains and
 * resources are never rewritten. Pure: the script given is not changed.
 */
public final class Isolator {
    /** The header tag of a script that must run alone; such a script also keeps its own names. */
    public static final String SERIAL = "serial";

    /** Every pubsub namespace starts so: pubsub, #owner, #event, #errors. */
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";

    private Isolator() {
    }

    /** The isolated script and how to give its names back. */
    public record Isolated(Script script, Isolation isolation) {
    }

    /**
     * Whether a run that isolates scripts isolates this one: not when it is tagged {@code ## serial}.
     * Such a script relies on what renaming would break (an account the server's configuration
     * makes an admin by name, a server-wide listing or cache), and it runs with nothing else of its
     * run in flight, so its own names meet nothing of that run.
     */
    public static boolean applies(Script script) {
        return !script.hasTag(SERIAL);
    }

    public static Isolated isolate(Script script, String suffix) {
        Names names = new Names(domains(script), suffix);
        List<Actor> actors = script.actors().stream().map(a -> actor(a, names)).toList();
        List<Step> steps = script.steps().stream().map(s -> step(s, names)).toList();
        Script isolated = new Script(script.file(), script.title(), script.description(), script.tags(), actors, steps);
        return new Isolated(isolated, names.isolation());
    }

    /** The domains of the actors' JIDs, lower case. */
    static Set<String> domains(Script script) {
        Set<String> domains = new LinkedHashSet<>();
        for (Actor a : script.actors()) {
            String bare = a.bareJid();
            int at = bare.indexOf('@');
            if (at >= 0 && at + 1 < bare.length()) domains.add(bare.substring(at + 1).toLowerCase(Locale.ROOT));
        }
        return domains;
    }

    /** Only {@code jid} names an account; the value shown in dumps ({@code written}) stays the script's. */
    private static Actor actor(Actor actor, Names names) {
        Map<String, Actor.Property> properties = new LinkedHashMap<>(actor.properties());
        Actor.Property jid = properties.get(Actor.JID);
        if (jid != null) {
            properties.put(Actor.JID, new Actor.Property(jid.key(), names.jids(jid.value()), jid.span(), jid.written()));
        }
        return new Actor(actor.actorClass(), actor.name(), properties, actor.span());
    }

    private static Step step(Step step, Names names) {
        if (step instanceof Step.Send s) return new Step.Send(s.actor(), s.span(), payload(s.payload(), names));
        if (step instanceof Step.Receive r) return new Step.Receive(r.actor(), r.span(), payload(r.payload(), names));
        return step;
    }

    private static List<XmlElement> payload(List<XmlElement> stanzas, Names names) {
        return stanzas.stream().map(e -> element(e, names, service(e, names))).toList();
    }

    /** Whether the stanza goes to or comes from a service of ours (then its pubsub nodes are renamed). */
    private static boolean service(XmlElement stanza, Names names) {
        for (String attribute : List.of("to", "from")) {
            Optional<XmlAttribute> a = stanza.attribute("", attribute);
            if (a.isPresent() && a.get().value() instanceof Value.Template t && !t.hasVariables()
                    && names.isService(t.source())) {
                return true;
            }
        }
        return false;
    }

    private static XmlElement element(XmlElement e, Names names, boolean onService) {
        boolean nodes = onService && e.namespace().startsWith(PUBSUB);
        List<XmlAttribute> attributes = new ArrayList<>();
        for (XmlAttribute a : e.attributes()) {
            Value v = value(a.value(), names);
            if (nodes && a.namespace().isEmpty() && a.localName().equals("node")) v = node(v, names);
            attributes.add(new XmlAttribute(a.namespace(), a.localName(), a.prefix(), v, a.pos()));
        }
        List<XmlNode> children = new ArrayList<>();
        for (XmlNode child : e.children()) {
            children.add(child instanceof XmlElement c ? element(c, names, onService)
                    : new XmlText(value(((XmlText) child).value(), names), child.pos()));
        }
        return new XmlElement(e.namespace(), e.localName(), e.prefix(), e.namespaceDeclarations(), attributes,
                e.strict(), children, e.pos());
    }

    /** JIDs in the literal parts of a template; markers ({@code any}, captures) stay as they are. */
    private static Value value(Value value, Names names) {
        if (!(value instanceof Value.Template t)) return value;
        List<Value.Part> parts = new ArrayList<>();
        for (Value.Part p : t.parts()) parts.add(p instanceof Value.Literal l ? new Value.Literal(names.jids(l.text())) : p);
        return new Value.Template(parts);
    }

    /** A node name gets the marker at its end (after any variable, so it stays one name). */
    private static Value node(Value value, Names names) {
        if (!(value instanceof Value.Template t) || t.parts().isEmpty()) return value;
        if (!t.hasVariables()) return Value.Template.literal(names.node(t.source()));
        List<Value.Part> parts = new ArrayList<>(t.parts());
        String marker = names.isolation().marker();
        parts.add(new Value.Literal(marker));
        return new Value.Template(parts);
    }
}
