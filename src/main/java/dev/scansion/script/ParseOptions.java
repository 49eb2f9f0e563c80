package dev.scansion.script;

import java.util.function.Function;

/**
 * How strict the parser is. {@link #RUN} is what {@code scansion run} uses (and what
 * {@link ScriptParser#parse(String, String)} uses): unknown actor properties are warnings.
 * {@link #CHECK} is what {@code scansion check} uses: they are errors (language doc §3).
 *
 * @param unknownProperty severity of an actor property the runner does not know
 * @param maxErrors       errors kept per file; then a final "too many errors" note and the parser stops
 * @param maxDepth        deepest element nesting accepted in a payload (deeper is an error, so that
 *                        every later recursive walk over the tree is safe)
 * @param unsetVariable   severity of a {@code ${env:NAME}} whose variable is not set: an error for
 *                        {@code run} (the script cannot run), a warning for {@code check} (which
 *                        needs no value)
 * @param environment     looks up environment variables (null when unset); {@code System::getenv}
 *                        unless a test or an embedding program gives its own
 */
public record ParseOptions(Diagnostic.Severity unknownProperty, int maxErrors, int maxDepth,
                           Diagnostic.Severity unsetVariable, Function<String, String> environment) {
    public static final int DEFAULT_MAX_ERRORS = 50;
    /**
     * Real stanzas nest about a dozen levels deep. 256 keeps every recursive walk over a payload
     * (the dump, the matcher) far from the default thread stack: 1,000 levels already overflowed
     * a simple recursive dump in testing.
     */
    public static final int DEFAULT_MAX_DEPTH = 256;

    public static final ParseOptions RUN = new ParseOptions(Diagnostic.Severity.WARNING, DEFAULT_MAX_ERRORS,
            DEFAULT_MAX_DEPTH, Diagnostic.Severity.ERROR, System::getenv);
    public static final ParseOptions CHECK = new ParseOptions(Diagnostic.Severity.ERROR, DEFAULT_MAX_ERRORS,
            DEFAULT_MAX_DEPTH, Diagnostic.Severity.WARNING, System::getenv);

    public ParseOptions {
        if (unknownProperty == null || unsetVariable == null || environment == null) throw new NullPointerException();
        if (maxErrors < 1 || maxDepth < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** The same options reading {@code ${env:NAME}} from {@code lookup} (null: unset) instead of the process. */
    public ParseOptions withEnvironment(Function<String, String> lookup) {
        return new ParseOptions(unknownProperty, maxErrors, maxDepth, unsetVariable, lookup);
    }
}
