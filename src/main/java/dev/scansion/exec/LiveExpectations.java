package dev.scansion.exec;

import java.util.List;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchOptions;
import dev.scansion.match.MatchResult;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.match.StanzaMatcher;
import dev.scansion.script.PayloadWriter;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.XmlElement;

/** {@link Expectations} backed by the real {@link StanzaMatcher} and {@link PayloadWriter}. */
final class LiveExpectations implements Expectations {
    private final StanzaMatcher matcher;
    private final String file;

    LiveExpectations(MatchOptions options, String file) {
        this.matcher = new StanzaMatcher(options);
        this.file = file;
    }

    @Override
    public MatchResult match(XmlElement expected, Bindings bindings, String raw) {
        ReceivedStanza received;
        try {
            received = ReceivedStanza.parse(raw);
        } catch (ReceivedStanza.MalformedStanzaException e) {
            SourceSpan at = new SourceSpan(file, expected.pos());
            return new MatchResult.Mismatch(List.of(new Difference(at, "/", "received element is not well-formed XML",
                    "", Failures.describe(e))), Double.MAX_VALUE);
        }
        MatchResult result = matcher.match(expected, bindings, received);
        return result instanceof MatchResult.Mismatch m ? inFile(m) : result;
    }

    /** Differences name the script file (the matcher does not know it). */
    private MatchResult.Mismatch inFile(MatchResult.Mismatch m) {
        return new MatchResult.Mismatch(m.differences().stream()
                .map(d -> d.expectedAt().file().equals(file) ? d : new Difference(
                        new SourceSpan(file, d.expectedAt().pos()), d.path(), d.reason(), d.expected(), d.received()))
                .toList(), m.distance());
    }

    @Override
    public String render(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException {
        return PayloadWriter.write(element, bindings);
    }
}
