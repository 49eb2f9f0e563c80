package dev.scansion.author;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.text.Printable;

/**
 * Writes one conversation as a script (see {@link Generaliser}): the header, the actors, and one
 * step per event, in the order seen. Received values go through {@link Values} with what the
 * conversation knows ({@link CapturePlan}); sends are written as sent, with JIDs and captured values
 * as variables.
 */
final class ScriptComposer {
    /** How much of a value a note shows. */
    private static final int NOTE_CHARS = 60;

    private final Conversation conversation;
    private final Generaliser.Options options;
    private final Actors actors;
    private final JidNames names;
    private final List<StanzaTree> trees = new ArrayList<>();
    private final Map<Integer, String> malformed = new HashMap<>();
    private final CapturePlan plan;
    private final ScriptBuilder out = new ScriptBuilder();
    private final Map<SourcePos, Generaliser.ValueRef> origins = new HashMap<>();
    /** Presences left out: another run gives them in another order ({@link ArrivalOrder}). */
    private final Map<Integer, String> leftOut;

    ScriptComposer(Conversation conversation, Generaliser.Options options) {
        this.conversation = conversation;
        this.options = options;
        this.actors = new Actors(conversation);
        this.names = actors.jidNames(conversation);
        for (int i = 0; i < conversation.events().size(); i++) trees.add(parse(i, conversation.events().get(i)));
        this.plan = new CapturePlan(trees, conversation);
        this.leftOut = ArrivalOrder.find(conversation, trees, actors);
    }

    private StanzaTree parse(int index, Conversation.Event e) {
        String xml = e instanceof Conversation.Sent s ? s.xml() : e instanceof Conversation.Received r ? r.xml() : null;
        if (xml == null) return null;
        try {
            return StanzaTree.parse(xml);
        } catch (StanzaTree.MalformedException ex) {
            malformed.put(index, ex.getMessage());
            return null;
        }
    }

    Generaliser.Generalised compose() {
        if (!options.title().isBlank()) out.line("# " + Printable.line(options.title().strip())).line("");
        List<Actors.Actor> definitions = actors.definitions();
        for (int k = 0; k < definitions.size(); k++) {
            Actors.Actor a = definitions.get(k);
            String password = options.passwordEnv().map(n -> "${env:" + n + "}").orElse(a.password());
            if (!writable(password)) {
                String variable = "SCANSION_PASSWORD_" + (k + 1);
                out.line("# " + a.name() + "'s password cannot stand in a script (a line break, blanks at an end"
                        + " or ${env:): give it in " + variable);
                password = "${env:" + variable + "}";
            }
            out.line("[Client] " + a.name());
            out.line("\tjid: " + a.account());
            out.line("\tpassword: " + password);
            a.resource().ifPresent(r -> out.line("\tresource: " + r));
            out.line("");
        }
        out.line("-----");
        for (int i = 0; i < conversation.events().size(); i++) {
            String comment = leftOut.get(i);
            if (comment != null) {
                if (!comment.isEmpty()) out.line("").line(comment);
                continue;
            }
            out.line("");
            step(i, conversation.events().get(i));
        }
        return new Generaliser.Generalised(out.toString(), origins);
    }

    /** A property value is one line, stripped, with {@code ${env:NAME}} resolved: a password must survive that. */
    private boolean writable(String password) {
        if (options.passwordEnv().isPresent()) return true;
        return password.equals(password.strip()) && password.indexOf('\n') < 0 && password.indexOf('\r') < 0
                && !password.contains("${env:");
    }

    private void step(int i, Conversation.Event e) {
        String actor = actors.of(e.connection());
        if (e instanceof Conversation.Connected) out.line(actor + " connects");
        else if (e instanceof Conversation.Disconnected) out.line(actor + " disconnects");
        else if (e instanceof Conversation.Sent s) stanza(i, actor, "sends", s.xml());
        else if (e instanceof Conversation.Received r) stanza(i, actor, "receives", r.xml());
    }

    private void stanza(int i, String actor, String verb, String xml) {
        StanzaTree tree = trees.get(i);
        if (tree == null) {
            out.line("# " + actor + " " + verb + " an element a script cannot hold, left out ("
                    + Printable.shortLine(malformed.get(i), 200) + "):");
            out.line("# " + Printable.shortLine(xml, 200));
            return;
        }
        if (StanzaTree.STREAM_NS.equals(tree.root().namespace())) {
            // a stream-level element (a stream error) ends the session; a receives step cannot expect it
            out.line("# " + actor + " " + verb + " a stream-level element, not a stanza: "
                    + Printable.shortLine(xml, 200));
            return;
        }
        boolean send = verb.equals("sends");
        if (send) notes(i, tree);
        out.line(actor + " " + verb + ":");
        PayloadPrinter printer = new PayloadPrinter(out, send ? new SendValues(i) : new ReceivedValues(i), send,
                (pos, path) -> origins.put(pos, new Generaliser.ValueRef(i, path)));
        printer.write(tree.root());
        out.line("");
    }

    /** A comment before a send that repeats minted text the language cannot capture. */
    private void notes(int i, StanzaTree tree) {
        ValuePaths.walk(tree.root(), (path, where, attribute, value) -> {
            if (attribute == null && plan.uncapturedText(value.strip(), i)) {
                out.line("# note: '" + Printable.shortLine(value.strip(), NOTE_CHARS) + "' below is text the server"
                        + " minted (captures take attribute values only): sent as recorded");
            }
        });
    }

    private Values.Context context(int event) {
        return new Values.Context(plan.sentBefore(event), actors.mintedResources());
    }

    /** Received values: the rules of {@link Values}, widened values as markers, captures. */
    private final class ReceivedValues implements PayloadPrinter.Decider {
        private final int event;
        private final Values.Context context;

        ReceivedValues(int event) {
            this.event = event;
            this.context = context(event);
        }

        @Override
        public PayloadPrinter.Piece attribute(List<String> elementPath, String path, StanzaTree.Attribute a,
                                              boolean strict) {
            // a widened attribute is left out: its element is written loose ({@link #loosen})
            boolean widened = options.widened().contains(new Generaliser.ValueRef(event, path));
            Values.Written w = widened ? new Values.Omit()
                    : Values.attribute(elementPath, a.namespace(), a.localName(), a.value(), names, strict, context);
            if (w instanceof Values.Literal l) {
                return new PayloadPrinter.Piece(plan.reference(a.value(), event).orElse(l.text()), true);
            }
            Optional<String> capture = widened ? Optional.empty() : plan.captureAt(a.value(), event);
            if (capture.isPresent()) return new PayloadPrinter.Piece("{scansion:capture:" + capture.get() + "}", false);
            return w instanceof Values.Any ? new PayloadPrinter.Piece("{scansion:any}", false) : null;
        }

        /** A widened attribute may be absent in the next run: only a loose element accepts that. */
        @Override
        public boolean loosen(String path, StanzaTree.Element element) {
            return element.attributes().stream().anyMatch(a -> options.widened()
                    .contains(new Generaliser.ValueRef(event, path + "/" + ValuePaths.attribute(a))));
        }

        @Override
        public PayloadPrinter.Piece text(List<String> elementPath, String path, String text) {
            if (options.widened().contains(new Generaliser.ValueRef(event, path))) return null;
            Values.Written w = Values.text(elementPath, text, names, context);
            if (!(w instanceof Values.Literal l)) return null;
            return new PayloadPrinter.Piece(plan.reference(text.strip(), event).orElse(l.text()), true);
        }
    }

    /** Sent values: as sent, JIDs and captured values as variables. */
    private final class SendValues implements PayloadPrinter.Decider {
        private final int event;

        SendValues(int event) {
            this.event = event;
        }

        @Override
        public PayloadPrinter.Piece attribute(List<String> elementPath, String path, StanzaTree.Attribute a,
                                              boolean strict) {
            return new PayloadPrinter.Piece(written(a.value()), false);
        }

        @Override
        public PayloadPrinter.Piece text(List<String> elementPath, String path, String text) {
            return new PayloadPrinter.Piece(written(text), false);
        }

        private String written(String value) {
            Optional<String> ref = plan.reference(value.strip(), event);
            if (ref.isPresent()) {
                // keep the whitespace around a captured text: the send must say what the client said
                int start = value.indexOf(value.strip());
                return value.substring(0, start) + ref.get() + value.substring(start + value.strip().length());
            }
            return names.templateWithin(value, ScriptSyntax::literal);
        }
    }
}
