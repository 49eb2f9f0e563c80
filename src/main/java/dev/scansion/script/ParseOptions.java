package dev.scansion.script;

/**
 * How strict the parser is. {@link #RUN} is what {@code scansion run} uses (and what
 * {@link ScriptParser#parse(String, String)} uses): unknown actor properties are warnings.
 * {@link #CHECK} is what {@code scansion check} uses: they are errors (language doc §3).
 *
 * @param unknownProperty severity of an actor property the runner does not know
 * @param maxErrors       errors kept per file; then a final "too many errors" note and the parser stops
 * @param maxDepth        deepest element nesting accepted in a payload (deeper is an error, so that
 *                        every later recursive walk over the tree is safe)
 */
public record ParseOptions(Diagnostic.Severity unknownProperty, int maxErrors, int maxDepth) {
    public static final int DEFAULT_MAX_ERRORS = 50;
    /**
     * Real stanzas nest about a dozen levels deep. 256 keeps every recursive walk over a payload
     * (the dump, the matcher) far from the default thread stack: 1,000 levels already overflowed
     * a simple recursive dump in testing.
     */
    public static final int DEFAULT_MAX_DEPTH = 256;

    public static final ParseOptions RUN = new ParseOptions(Diagnostic.Severity.WARNING, DEFAULT_MAX_ERRORS,
            DEFAULT_MAX_DEPTH);
    public static final ParseOptions CHECK = new ParseOptions(Diagnostic.Severity.ERROR, DEFAULT_MAX_ERRORS,
            DEFAULT_MAX_DEPTH);

    public ParseOptions {
        if (unknownProperty == null) throw new NullPointerException("unknownProperty");
        if (maxErrors < 1 || maxDepth < 1) throw new IllegalArgumentException("limits must be positive");
    }
}
