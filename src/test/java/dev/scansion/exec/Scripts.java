package dev.scansion.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Tag;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;

/** Hand-built script models for executor tests (no parser needed). Steps get consecutive line numbers. */
final class Scripts {
    static final String FILE = "test.scs";
    private final List<Actor> actors = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<Tag> tags = new ArrayList<>();
    private int line = 10;

    static Scripts script() {
        return new Scripts();
    }

    Scripts actor(String name, String jid) {
        Map<String, Actor.Property> props = new LinkedHashMap<>();
        props.put("jid", new Actor.Property("jid", jid, span(1)));
        props.put("password", new Actor.Property("password", "secret", span(2)));
        actors.add(new Actor("Client", name, props, span(1)));
        return this;
    }

    Scripts tag(String name, String value) {
        tags.add(new Tag(name, value, span(1)));
        return this;
    }

    Scripts connects(String actor) {
        steps.add(new Step.Connect(actor, span(next())));
        return this;
    }

    Scripts disconnects(String actor) {
        steps.add(new Step.Disconnect(actor, span(next())));
        return this;
    }

    Scripts sends(String actor, XmlElement... payload) {
        steps.add(new Step.Send(actor, span(next()), List.of(payload)));
        return this;
    }

    Scripts receives(String actor, XmlElement... payload) {
        steps.add(new Step.Receive(actor, span(next()), List.of(payload)));
        return this;
    }

    Scripts receivesNothing(String actor) {
        steps.add(new Step.ReceiveNothing(actor, span(next())));
        return this;
    }

    Script build() {
        return new Script(FILE, "A test", "", tags, actors, steps);
    }

    /** Line of the step added last. */
    int lastLine() {
        return line;
    }

    private int next() {
        return ++line;
    }

    static SourceSpan span(int line) {
        return SourceSpan.of(FILE, line, 1);
    }

    /** An element {@code <name a='v' .../>}; values are {@link Value}s or plain strings. */
    static XmlElement el(String name, Object... attrs) {
        List<XmlAttribute> list = new ArrayList<>();
        for (int i = 0; i < attrs.length; i += 2) {
            Object v = attrs[i + 1];
            Value value = v instanceof Value val ? val : Value.Template.literal((String) v);
            list.add(new XmlAttribute("", (String) attrs[i], "", value, new SourcePos(1, 1)));
        }
        return new XmlElement(XmlElement.JABBER_CLIENT, name, "", Map.of(), list, Optional.empty(), List.of(),
                new SourcePos(1, 1));
    }

    static Value.Template fullJid(String actor) {
        return new Value.Template(List.of(new Value.Variable(actor + "'s full JID", Value.Variable.Kind.FULL_JID,
                actor, new SourcePos(5, 7))));
    }

    static Value.Template bareJid(String actor) {
        return new Value.Template(List.of(new Value.Variable(actor + "'s JID", Value.Variable.Kind.JID,
                actor, new SourcePos(5, 7))));
    }

    static Value.Template captured(String name) {
        return new Value.Template(List.of(new Value.Variable(name, Value.Variable.Kind.CAPTURE, name,
                new SourcePos(5, 7))));
    }
}
