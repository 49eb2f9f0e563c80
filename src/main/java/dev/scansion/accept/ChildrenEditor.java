package dev.scansion.accept;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.scansion.script.ast.XmlElement;

/**
 * The children part of {@link ExpectationEditor}: pairs each expected child with a received one of
 * the same name (the pairing that needs the fewest edits first, by trying each), drops the expected
 * children left without a partner, and in a strict element adds the received children left over
 * and puts the children in the received order.
 */
final class ChildrenEditor {
    private final ExpectationEditor editor;

    ChildrenEditor(ExpectationEditor editor) {
        this.editor = editor;
    }

    /** One expected child tried against one received child: the edits it needs. */
    private record Trial(int expected, int received, List<Edit> edits, List<String> changes) {
    }

    void children(XmlElement e, Extent x, Received r, List<String> here, String at, boolean strict,
                  Map<String, String> shift) throws ExpectationEditor.NotMinimal {
        List<XmlElement> exp = e.elements();
        List<Extent> xs = x.elements();
        List<Received> got = r.children();
        if (exp.size() != xs.size()) throw new ExpectationEditor.NotMinimal(at + ": the children could not be read back");
        if (exp.isEmpty() && (!strict || got.isEmpty())) return;
        if ((long) exp.size() * got.size() > ExpectationEditor.MAX_PAIRS) {
            throw new ExpectationEditor.NotMinimal(at + ": too many children to pair (" + exp.size() + " by "
                    + got.size() + ")");
        }
        Trial[] chosen = pair(exp, xs, got, here, at, shift);
        boolean[] paired = new boolean[got.size()];
        int last = -1;
        boolean inOrder = true;
        for (Trial t : chosen) {
            if (t == null) continue;
            paired[t.received()] = true;
            inOrder &= t.received() > last;
            last = t.received();
        }
        boolean complete = true;
        for (boolean p : paired) complete &= p;
        if (!strict || (complete && inOrder)) {
            for (int i = 0; i < exp.size(); i++) {
                if (chosen[i] == null) {
                    remove(xs.get(i));
                    editor.changes.add(at + ": removed <" + exp.get(i).localName() + "> (did not arrive)");
                } else {
                    editor.edits.addAll(chosen[i].edits());
                    editor.changes.addAll(chosen[i].changes());
                }
            }
            return;
        }
        rebuild(e, x, r, here, at, chosen);
    }

    private Trial[] pair(List<XmlElement> exp, List<Extent> xs, List<Received> got, List<String> here, String at,
                         Map<String, String> shift) throws ExpectationEditor.NotMinimal {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < exp.size(); i++) {
            for (int j = 0; j < got.size(); j++) {
                if (!exp.get(i).localName().equals(got.get(j).localName())) continue;
                if (--editor.budget[0] < 0) throw new ExpectationEditor.NotMinimal(at + ": too large to pair by trial");
                ExpectationEditor sub = editor.sub();
                try {
                    sub.element(exp.get(i), xs.get(i), got.get(j), here, at, shift);
                    trials.add(new Trial(i, j, sub.edits, sub.changes));
                } catch (ExpectationEditor.NotMinimal e) {
                    // this pair cannot be made to match; another may
                }
            }
        }
        // Fewest edits first; among equals, document order (a stable pairing of look-alike siblings).
        trials.sort(Comparator.comparingInt((Trial t) -> t.edits().size()).thenComparingInt(Trial::expected)
                .thenComparingInt(Trial::received));
        Trial[] chosen = new Trial[exp.size()];
        boolean[] taken = new boolean[got.size()];
        for (Trial t : trials) {
            if (chosen[t.expected()] != null || taken[t.received()]) continue;
            chosen[t.expected()] = t;
            taken[t.received()] = true;
        }
        return chosen;
    }

    /** A strict element's children in the received order: the expected ones as rewritten, the missing ones added. */
    private void rebuild(XmlElement e, Extent x, Received r, List<String> here, String at, Trial[] chosen)
            throws ExpectationEditor.NotMinimal {
        if (x.comments()) {
            throw new ExpectationEditor.NotMinimal(at + ": comments stand among the children of a strict element "
                    + "whose children must be rewritten");
        }
        Source src = editor.src;
        StanzaRenderer renderer = new StanzaRenderer(editor.style, editor.names);
        List<Extent> xs = x.elements();
        Trial[] byReceived = new Trial[r.children().size()];
        for (Trial t : chosen) {
            if (t != null) byReceived[t.received()] = t;
        }
        String indent = xs.isEmpty() ? src.indent(src.lineOf(x.start())) + editor.style.unit()
                : src.indent(src.lineOf(xs.get(0).start()));
        List<String> pieces = new ArrayList<>();
        for (int j = 0; j < byReceived.length; j++) {
            Trial t = byReceived[j];
            if (t == null) {
                pieces.add(renderer.render(r.children().get(j), here, r.namespace(), indent));
                editor.changes.add(at + ": added <" + r.children().get(j).localName() + "> (a strict element has "
                        + "every child)");
            } else {
                Extent c = xs.get(t.expected());
                pieces.add(Edit.applyWithin(src.text, c.start(), c.end(), t.edits()));
                editor.changes.addAll(t.changes());
            }
        }
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] == null) editor.changes.add(at + ": removed <" + e.elements().get(i).localName() + ">");
        }
        editor.changes.add(at + ": children in the received order");
        String nl = editor.style.newline();
        if (!xs.isEmpty()) {
            String between = xs.size() > 1 ? src.text.substring(xs.get(0).end(), xs.get(1).start()) : "";
            String sep = !between.isEmpty() && between.isBlank() ? between : nl + indent;
            editor.edits.add(new Edit(xs.get(0).start(), xs.get(xs.size() - 1).end(), String.join(sep, pieces)));
            return;
        }
        String own = src.indent(src.lineOf(x.start()));
        String body = nl + indent + String.join(nl + indent, pieces) + nl + own;
        if (x.selfClosing()) {
            String name = src.text.substring(x.start() + 1, x.nameEnd());
            editor.edits.add(new Edit(x.end() - 2, x.end(), ">" + body + "</" + name + ">"));
        } else {
            editor.edits.add(Edit.insert(x.contentEnd(), body));
        }
    }

    /** Removes a child: its whole line(s) when it stands alone on them, else just the element. */
    private void remove(Extent c) {
        Source src = editor.src;
        int first = src.lineOf(c.start());
        int last = src.lineOf(c.end());
        boolean alone = src.blank(src.lineStart(first), c.start()) && src.blank(c.end(), src.lineEnd(last));
        editor.edits.add(alone ? Edit.delete(src.lineStart(first), src.lineEndWithTerminator(last))
                : Edit.delete(c.start(), c.end()));
    }
}
