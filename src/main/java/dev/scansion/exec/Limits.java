package dev.scansion.exec;

/**
 * The bounds that keep a run's memory and reports finite whatever a server sends (a flood of
 * stanzas, one huge stanza). Sizes are in characters of the received text (about bytes for the
 * ASCII of XML markup); a cut text ends with {@code "… (N bytes)"} giving the whole UTF-8 size
 * ({@link dev.scansion.text.Printable#cut}).
 */
public final class Limits {
    /** Longest stanza kept whole in a result: a failure's received stanza, set-aside, recent and transcript entries. */
    public static final int STANZA_CHARS = 64 * 1024;
    /**
     * Longest top-level element a connection's stream splitter holds ({@link dev.scansion.wire.StreamSplitter}):
     * twice {@link #BUFFER_CHARS}, since a single stanza beyond the buffer's cap is still taken. A
     * longer element ends the capture ("the runner could not split the XML stream") instead of
     * growing the heap.
     */
    public static final int ELEMENT_CHARS = 32 * 1024 * 1024;
    /** Unread stanzas an actor's {@link InboundBuffer} holds before it drops new ones. */
    public static final int BUFFER_STANZAS = 10_000;
    /** Characters of unread stanzas an actor's {@link InboundBuffer} holds before it drops new ones. */
    public static final long BUFFER_CHARS = 16L * 1024 * 1024;
    /** Stanzas set aside by one receive kept for the report (N, the first ones in arrival order); the rest are counted. */
    public static final int SET_ASIDE_KEPT = 20;
    /** Closest candidates (K) kept while a receive waits; the closest of them is the failure's received stanza. */
    public static final int CLOSEST_KEPT = 3;
    /** Characters of set-aside text kept per receive, all kept stanzas together (each is cut first). */
    public static final long SET_ASIDE_CHARS = 256 * 1024;
    /** Mismatches explained (XMLUnit, to rank them) per receive; later ones get a verdict only. */
    public static final int EXPLAINED = 100;
    /** A stanza longer than this is not explained (its verdict is still exact). */
    public static final int EXPLAINED_CHARS = 256 * 1024;
    /** Elements a script's transcript keeps; later ones are counted and said by a closing comment. */
    public static final int TRANSCRIPT_ENTRIES = 10_000;
    /** Characters a script's transcript keeps (entries cut first); later entries are counted. */
    public static final long TRANSCRIPT_CHARS = 16L * 1024 * 1024;

    private Limits() {
    }
}
