package dev.scansion.exec;

import dev.scansion.result.TranscriptEntry;
import dev.scansion.result.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.scansion.script.SecretMask;

/** Collects a script's transcript as steps send and take elements. Used by the script thread only. */
final class Transcript {
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final SecretMask mask;

    /** Every entry is masked as it is recorded: nothing unmasked is ever kept. */
    Transcript(SecretMask mask) {
        this.mask = mask;
    }

    /** {@code at}: when the send began (a reply can arrive before the send call returns). */
    void sent(String actor, String xml, Instant at) {
        entries.add(new TranscriptEntry(actor, Direction.SENT, at, mask.xml(xml)));
    }

    void received(String actor, Inbound item) {
        String xml;
        if (item instanceof Inbound.Stanza s) xml = s.raw();
        else if (item instanceof Inbound.StreamError e) xml = e.raw();
        else xml = "<!-- " + item.describe().replace("--", "- -") + " -->";
        entries.add(new TranscriptEntry(actor, Direction.RECEIVED, item.at(), mask.xml(xml)));
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

    /** Every entry ordered by time (stable: equal times keep recording order). */
    List<TranscriptEntry> entries() {
        List<TranscriptEntry> copy = new ArrayList<>(entries);
        copy.sort(Comparator.comparing(TranscriptEntry::at));
        return copy;
    }
}
