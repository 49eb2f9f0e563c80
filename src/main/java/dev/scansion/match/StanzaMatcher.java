package dev.scansion.match;

import java.util.Map;
import java.util.Optional;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.XmlElement;

/**
 * Scansion's matching rules (language doc §5–§6). Thread-safe and stateless apart from its
 * options; reuse one instance.
 *
 * <p>Two engines share the work. The verdict comes from a direct tree comparison
 * ({@code TreeMatcher}: resolved expectation against the parsed stanza, loose children paired
 * by a maximum assignment, so look-alike siblings in another order still match). It is what
 * every comparison pays, parse included, tens of microseconds. Only a rejected stanza is then
 * explained by XMLUnit's difference engine, driven by scansion's node matcher and difference
 * evaluator, which yields the {@link Difference}s and the distance used to rank candidates.
 */
public final class StanzaMatcher {
    /** The file name used in differences when the caller does not give one. */
    public static final String UNKNOWN_FILE = "<script>";

    private final MatchOptions options;

    public StanzaMatcher(MatchOptions options) {
        this.options = options;
    }

    /** As {@link #match(XmlElement, String, Bindings, ReceivedStanza)} with file {@value #UNKNOWN_FILE}. */
    public MatchResult match(XmlElement expected, Bindings bindings, ReceivedStanza received) {
        return match(expected, UNKNOWN_FILE, bindings, received);
    }

    /**
     * Compares one expected payload element with one received stanza.
     *
     * @param file the script's display name ({@code Script.file()}), used in each difference's position
     * @return {@link MatchResult.Match} with the captures recorded (name to value; when a name occurs
     *         twice, the later occurrence in the payload wins), or {@link MatchResult.Mismatch}
     */
    /**
     * The verdict alone, without explaining a mismatch (no XMLUnit): the captures when the stanza
     * matches, empty when it does not. For a caller that compares many stanzas and explains few.
     */
    public Optional<Map<String, String>> verdict(XmlElement expected, Bindings bindings, ReceivedStanza received) {
        ExpectedElement exp = ExpectedElement.compile(expected, bindings);
        return new TreeMatcher(bindings, options.strictCaptures(), exp.size(), received.root().size())
                .match(exp, received.root());
    }

    public MatchResult match(XmlElement expected, String file, Bindings bindings, ReceivedStanza received) {
        ExpectedElement exp = ExpectedElement.compile(expected, bindings);
        TreeMatcher verdict = new TreeMatcher(bindings, options.strictCaptures(), exp.size(), received.root().size());
        Optional<Map<String, String>> captures = verdict.match(exp, received.root());
        if (captures.isPresent()) return new MatchResult.Match(captures.get());
        MatchResult.Mismatch mismatch = Explanation.mismatch(exp, received.root(), file, bindings, options.strictCaptures());
        return verdict.gaveUp() ? Explanation.withSearchNote(mismatch, exp, received.root(), file) : mismatch;
    }
}
