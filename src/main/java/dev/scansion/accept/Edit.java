package dev.scansion.accept;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replace {@code [start, end)} of a text with {@code text}; edits of one rewrite never overlap. */
record Edit(int start, int end, String text) {
    Edit {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }

    static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }

    static Edit delete(int start, int end) {
        return new Edit(start, end, "");
    }

    /**
     * The text with the edits applied.
     *
     * @throws IllegalArgumentException when two edits overlap (an editor bug, refused rather than guessed)
     */
    static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start() < at) throw new IllegalArgumentException("overlapping edits at offset " + e.start());
            sb.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** The edits inside {@code [from, to)} applied to that part of the text alone. */
    static String applyWithin(String text, int from, int to, List<Edit> edits) {
        List<Edit> shifted = edits.stream().filter(e -> e.start() >= from && e.end() <= to)
                .map(e -> new Edit(e.start() - from, e.end() - from, e.text())).toList();
        return apply(text.substring(from, to), shifted);
    }
}
