package dev.scansion.exec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return matcher.match(expected, file, bindings, received);
    }

    @Override
    public Optional<Map<String, String>> verdict(XmlElement expected, Bindings bindings, String raw) {
        try {
            return matcher.verdict(expected, bindings, ReceivedStanza.parse(raw));
        } catch (ReceivedStanza.MalformedStanzaException e) {
            return Optional.empty();
        }
    }

    @Override
    public String render(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException {
        return PayloadWriter.write(element, bindings);
    }
}
