package dev.scansion.exec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scansion.result.Direction;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.SecretMask;

/**
 * Collects a script's transcript as steps send and take elements. Used by the script thread only.
 * Bounded ({@link Limits#TRANSCRIPT_ENTRIES}, {@link Limits#TRANSCRIPT_CHARS}, each element cut at
 * {@link Limits#STANZA_CHARS}): elements beyond are counted per actor and said by a closing
 * {@code <!-- N more elements not kept -->} entry, so a flooding server cannot exhaust the heap.
 */
final class Transcript {
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final int maxEntries;
    private final long maxChars;
    private long chars;
    /** Per actor: how many elements were not kept, and when the last of them was recorded. */
    private final Map<String, NotKept> notKept = new LinkedHashMap<>();

    private static final class NotKept {
        long count;
        Instant last;
    }

    private final SecretMask mask;

    /** Every entry is masked as it is recorded (whole, before it is cut): nothing unmasked is kept. */
    Transcript(SecretMask mask) {
        this(mask, Limits.TRANSCRIPT_ENTRIES, Limits.TRANSCRIPT_CHARS);
    }

    Transcript(SecretMask mask, int maxEntries, long maxChars) {
        this.mask = mask;
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** {@code at}: when the send began (a reply can arrive before the send call returns). */
    void sent(String actor, String xml, Instant at) {
        add(new TranscriptEntry(actor, Direction.SENT, at, mask.xmlCut(xml, Limits.STANZA_CHARS)), false);
    }

    void received(String actor, Inbound item) {
        String xml;
        if (item instanceof Inbound.Stanza s) xml = mask.xmlCut(s.raw(), Limits.STANZA_CHARS);
        else if (item instanceof Inbound.StreamError e) xml = mask.xmlCut(e.raw(), Limits.STANZA_CHARS);
        else xml = comment(mask.prose(item.describe()));
        // A stream end is always kept (at most one per connection): it says why the stream is over.
        add(new TranscriptEntry(actor, Direction.RECEIVED, item.at(), xml), item.terminal());
    }

    private void add(TranscriptEntry e, boolean always) {
        if (!always && (entries.size() >= maxEntries || chars + e.xml().length() > maxChars)) {
            NotKept n = notKept.computeIfAbsent(e.actor(), a -> new NotKept());
            n.count++;
            n.last = e.at();
            return;
        }
        entries.add(e);
        chars += e.xml().length();
    }

    /** How many entries exist now (a mark for {@link #recentReceived}). */
    int mark() {
        return entries.size();
    }

    /** The actor's last {@code n} received entries among the first {@code mark} entries. */
    List<TranscriptEntry> recentReceived(String actor, int mark, int n) {
        List<TranscriptEntry> mine = entries.subList(0, Math.min(mark, entries.size())).stream()
                .filter(e -> e.actor().equals(actor) && e.direction() == Direction.RECEIVED).toList();
        return mine.subList(Math.max(0, mine.size() - n), mine.size());
    }

    /** Every entry ordered by time (stable: equal times keep recording order), then what was not kept. */
    List<TranscriptEntry> entries() {
        List<TranscriptEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(TranscriptEntry::at));
        notKept.forEach((actor, n) -> copy.add(new TranscriptEntry(actor, Direction.RECEIVED, n.last,
                comment(n.count + (n.count == 1 ? " more element" : " more elements")
                + " not kept (a transcript keeps at most " + maxEntries + " elements, " + (maxChars >> 20) + " MiB)"))));
        return copy;
    }

    private static String comment(String text) {
        return "<!-- " + text.replace("--", "- -") + " -->";
    }
}
