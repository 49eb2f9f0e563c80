package dev.scansion.accept;

import java.util.List;

/**
 * Where one element of a payload stands in the script's text (offsets into {@link Source#text}):
 * its start tag and each attribute, its element children and non-blank text runs, its end. The AST
 * keeps only start positions; the editor needs both ends of everything it may change.
 *
 * @param start       the {@code <}
 * @param nameEnd     just after the element's qualified name
 * @param startTagEnd just after the start tag's {@code >} (or {@code />})
 * @param attrs       every attribute as written, {@code xmlns} and {@code scansion:*} ones included
 * @param elements    element children, in order
 * @param texts       non-blank text runs, each from its first to just after its last non-blank character
 * @param contentEnd  where the end tag starts ({@code startTagEnd} when self-closing)
 * @param end         just after the end tag (or the self-closing start tag)
 * @param comments    whether an XML comment or a script comment line stands among the children
 */
record Extent(int start, int nameEnd, int startTagEnd, boolean selfClosing, List<Attr> attrs,
              List<Extent> elements, List<Run> texts, int contentEnd, int end, boolean comments) {
    Extent {
        attrs = List.copyOf(attrs);
        elements = List.copyOf(elements);
        texts = List.copyOf(texts);
    }

    /**
     * One attribute: {@code name} as written (with its prefix), the offset of the name, the value
     * between {@code valueStart} and {@code valueEnd} (the closing quote), and the quote character.
     */
    record Attr(String name, int start, int valueStart, int valueEnd, char quote) {
        int end() {
            return valueEnd + 1;
        }
    }

    /** A text run: {@code [start, end)}. */
    record Run(int start, int end) {
    }

    Attr attr(String qualifiedName) {
        for (Attr a : attrs) {
            if (a.name().equals(qualifiedName)) return a;
        }
        return null;
    }

    /** Where an attribute added to the start tag goes: after the last attribute, or after the name. */
    int attrInsertPoint() {
        return attrs.isEmpty() ? nameEnd : attrs.get(attrs.size() - 1).end();
    }
}
