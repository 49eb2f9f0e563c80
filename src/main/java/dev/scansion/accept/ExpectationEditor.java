package dev.scansion.accept;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import dev.scansion.author.JidNames;
import dev.scansion.author.Values;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlAttribute;
import dev.scansion.script.ast.XmlElement;
import dev.scansion.script.ast.XmlText;

/**
 * Rewrites one expected element only as much as needed for a received stanza to match it
 * (language doc §6): expected attributes that did not arrive are dropped, differing values replaced
 * by the received ones written by {@link Values} (JIDs as variables, minted values as markers),
 * children that did not arrive dropped, a namespace fixed; in a strict element, what it requires is
 * added and the children put in the received order. Whatever already matches is left as written,
 * so {@code ${...}}, {@code {scansion:any}}, captures and {@code scansion:strict} stay. The result is
 * a list of {@link Edit}s to the script's text, never the received stanza pasted over.
 */
final class ExpectationEditor {
    /** The expectation cannot be rewritten minimally; the message says why. */
    static final class NotMinimal extends Exception {
        NotMinimal(String message) {
            super(message);
        }
    }

    /** The edits and, one per change, what changed ({@code /iq/@type: "get" → "result"}). */
    record Result(List<Edit> edits, List<String> changes) {
        Result {
            edits = List.copyOf(edits);
            changes = List.copyOf(changes);
        }
    }

    /** Children compared pairwise, at most: beyond it the payload is too large to pair by trial. */
    static final int MAX_PAIRS = 400;
    /** Child pairings tried in one rewrite, at most. */
    static final int TRIALS = 20_000;

    final Source src;
    final Bindings bindings;
    final Naming names;
    final StanzaRenderer.Style style;
    final List<Edit> edits = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    /** Pairings left to try, shared by the whole rewrite: a deep payload cannot make it run long. */
    final int[] budget;

    ExpectationEditor(Source src, Bindings bindings, Naming names, StanzaRenderer.Style style) {
        this(src, bindings, names, style, new int[] {TRIALS});
    }

    private ExpectationEditor(Source src, Bindings bindings, Naming names, StanzaRenderer.Style style, int[] budget) {
        this.src = src;
        this.bindings = bindings;
        this.names = names;
        this.style = style;
        this.budget = budget;
    }

    /** An editor for trying one child pairing, sharing the budget. */
    ExpectationEditor sub() {
        return new ExpectationEditor(src, bindings, names, style, budget);
    }

    /** The edits that make {@code expected} (a payload element of the script in {@code src}) match {@code received}. */
    static Result edit(Source src, XmlElement expected, Received received, Bindings bindings, Naming names,
                       StanzaRenderer.Style style) throws NotMinimal {
        ExpectationEditor e = new ExpectationEditor(src, bindings, names, style);
        Extent x;
        try {
            x = ExtentScanner.scan(src, src.offset(expected.pos()));
        } catch (IllegalStateException ex) {
            throw new NotMinimal("the payload's text could not be read back: " + ex.getMessage());
        }
        if (!expected.localName().equals(received.localName())) {
            throw new NotMinimal("expected <" + expected.localName() + ">, the closest stanza is <"
                    + received.localName() + ">");
        }
        e.element(expected, x, received, List.of(), "", Map.of());
        return new Result(e.edits, e.changes);
    }

    /**
     * Rewrites {@code e} (written at {@code x}) for {@code r}.
     *
     * @param path   Clark names of the ancestors, the stanza first
     * @param where  the path for messages, {@code /iq/query}
     * @param shift  namespaces changed above: an element inheriting one inherits the new one
     */
    void element(XmlElement e, Extent x, Received r, List<String> path, String where, Map<String, String> shift)
            throws NotMinimal {
        String at = where + "/" + e.localName();
        List<String> here = new ArrayList<>(path);
        here.add(r.clark());
        String ns = effectiveNamespace(e, shift);
        Map<String, String> childShift = shift;
        if (!ns.equals(r.namespace())) {
            namespace(e, x, r.namespace(), at);
            childShift = new HashMap<>(shift);
            childShift.put(e.namespace(), r.namespace());
        }
        boolean strict = e.strict().orElse(!r.namespace().equals(XmlElement.JABBER_CLIENT));
        attributes(e, x, r, here, strict, at);
        text(e, x, r, here, at);
        new ChildrenEditor(this).children(e, x, r, here, at, strict, childShift);
    }

    static String effectiveNamespace(XmlElement e, Map<String, String> shift) {
        boolean inherits = e.prefix().isEmpty() && !e.namespaceDeclarations().containsKey("");
        return inherits ? shift.getOrDefault(e.namespace(), e.namespace()) : e.namespace();
    }

    private void namespace(XmlElement e, Extent x, String ns, String at) throws NotMinimal {
        if (!e.prefix().isEmpty()) throw new NotMinimal(at + ": the namespace of a prefixed element cannot be changed");
        Extent.Attr decl = x.attr("xmlns");
        String written = style.quote() + Escape.attribute(ns, style.quote()) + style.quote();
        if (decl != null) edits.add(new Edit(decl.valueStart(), decl.valueEnd(), Escape.attribute(ns, decl.quote())));
        else edits.add(Edit.insert(x.nameEnd(), " xmlns=" + written));
        changes.add(at + ": namespace " + e.namespace() + " → " + ns);
    }

    private void attributes(XmlElement e, Extent x, Received r, List<String> here, boolean strict, String at)
            throws NotMinimal {
        for (XmlAttribute a : e.attributes()) {
            Extent.Attr written = x.attr(a.qualifiedName());
            if (written == null) throw new NotMinimal(at + "/@" + a.qualifiedName() + ": not found in the text");
            Received.Attribute got = r.attribute(a.namespace(), a.localName());
            if (got == null) {
                edits.add(Edit.delete(afterPrevious(written.start()), written.end()));
                changes.add(at + "/@" + a.qualifiedName() + ": removed (did not arrive)");
                continue;
            }
            if (matches(a.value(), got.value(), false)) continue;
            Values.Written w = names.attribute(here, a.namespace(), a.localName(), got.value(), strict);
            if (w instanceof Values.Omit && !strict) {
                edits.add(Edit.delete(afterPrevious(written.start()), written.end()));
                changes.add(at + "/@" + a.qualifiedName() + ": removed (a value the server mints)");
                continue;
            }
            String text = w instanceof Values.Literal l ? l.text() : "{scansion:any}";
            edits.add(new Edit(written.valueStart(), written.valueEnd(), Escape.attribute(text, written.quote())));
            changes.add(at + "/@" + a.qualifiedName() + ": \"" + src.text.substring(written.valueStart(),
                    written.valueEnd()) + "\" → \"" + text + "\"");
        }
        if (!strict) return;
        for (Received.Attribute got : r.attributes()) {
            if (e.attribute(got.namespace(), got.localName()).isPresent()) continue;
            Values.Written w = names.attribute(here, got.namespace(), got.localName(), got.value(), true);
            String text = w instanceof Values.Literal l ? l.text() : "{scansion:any}";
            edits.add(Edit.insert(x.attrInsertPoint(), " " + new StanzaRenderer(style, names)
                    .attribute(got.qualifiedName(), text)));
            changes.add(at + "/@" + got.qualifiedName() + ": added (a strict element has every attribute)");
        }
    }

    private void text(XmlElement e, Extent x, Received r, List<String> here, String at) throws NotMinimal {
        List<XmlText> texts = e.texts();
        if (texts.isEmpty()) return;
        if (texts.size() == 1 && matches(texts.get(0).value(), r.text(), true)) return;
        if (texts.size() != 1 || x.texts().size() != 1) throw new NotMinimal(at + ": text written in several pieces");
        Extent.Run run = x.texts().get(0);
        Values.Written w = r.text().isEmpty() ? new Values.Omit() : names.text(here, r.text());
        if (w instanceof Values.Literal l) {
            edits.add(new Edit(run.start(), run.end(), Escape.text(l.text())));
            changes.add(at + "/text(): \"" + src.text.substring(run.start(), run.end()) + "\" → \"" + l.text() + "\"");
        } else {
            edits.add(Edit.delete(run.start(), run.end()));
            changes.add(at + "/text(): removed (any text matches)");
        }
    }

    /** Whether an expected value (a template resolved with the run's variables, or a marker) matches. */
    boolean matches(Value expected, String received, boolean trimmed) {
        if (!(expected instanceof Value.Template)) return true;
        Optional<String> value = Naming.resolve(expected, bindings);
        return value.isPresent() && (trimmed ? value.get().trim().equals(received.trim()) : value.get().equals(received));
    }

    /** Just after the last non-blank character before {@code offset}: where removing an attribute starts. */
    int afterPrevious(int offset) {
        int i = offset;
        while (i > 0 && Character.isWhitespace(src.text.charAt(i - 1))) i--;
        return i;
    }
}
