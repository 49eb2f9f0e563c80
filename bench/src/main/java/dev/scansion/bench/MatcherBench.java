package dev.scansion.bench;

import dev.scansion.match.MatchOptions;
import dev.scansion.match.MatchResult;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.match.StanzaMatcher;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One comparison of a typical expected stanza with a received one, parse of the received text
 * included (each benchmark call parses it anew, as the executor does once per stanza). The
 * expectations come from the real script parser, once, as in a run.
 * Sample-time mode: JMH reports the distribution of single calls (p0.50 is the median).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class MatcherBench {
    private final StanzaMatcher matcher = new StanzaMatcher(MatchOptions.DEFAULT);
    private final Bindings bindings = new Bindings() {
        @Override
        public String resolve(Value.Variable v) throws UnboundVariableException {
            if ("Romeo".equals(v.actor())) return v.kind() == Value.Variable.Kind.FULL_JID ? "romeo@localhost/balcony" : "romeo@localhost";
            throw new UnboundVariableException(v, "unknown");
        }

        @Override
        public Optional<String> capture(String name) {
            return Optional.empty();
        }
    };

    private XmlElement muc;
    private XmlElement pubsub;
    private XmlElement disco;
    private XmlElement discoLoose;

    @Setup
    public void setUp() throws Exception {
        muc = expectation(Stanzas.MUC_EXPECTED);
        pubsub = expectation(Stanzas.PUBSUB_EXPECTED);
        disco = expectation(Stanzas.discoExpected(false));
        discoLoose = expectation(Stanzas.discoExpected(true));
        // Fail fast if a benchmark would not measure what its name says.
        require(true, muc, Stanzas.MUC_RECEIVED);
        require(true, pubsub, Stanzas.PUBSUB_RECEIVED);
        require(true, disco, Stanzas.discoReceived(false, false));
        require(true, discoLoose, Stanzas.discoReceived(true, false));
        require(false, muc, Stanzas.MUC_WRONG_ROLE);
        require(false, disco, Stanzas.discoReceived(false, true));
    }

    /** The payload as the real parser builds it from a one-step script. */
    private static XmlElement expectation(String payload) {
        String script = "[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: x\n\n-----\n\nRomeo receives:\n\t"
                + payload.replace("\n", "\n\t") + "\n";
        ParseResult parsed = ScriptParser.parse("bench.scs", script);
        Step.Receive receive = (Step.Receive) parsed.script()
                .orElseThrow(() -> new IllegalStateException(parsed.diagnostics().toString())).steps().get(0);
        return receive.payload().get(0);
    }

    private void require(boolean match, XmlElement expected, String raw) throws Exception {
        MatchResult r = matcher.match(expected, "bench.scs", bindings, ReceivedStanza.parse(raw));
        if (r.matched() != match) throw new IllegalStateException("unexpected verdict " + r + " for " + raw);
    }

    private MatchResult run(XmlElement expected, String raw) throws Exception {
        return matcher.match(expected, "bench.scs", bindings, ReceivedStanza.parse(raw));
    }

    @Benchmark
    public MatchResult mucSelfPresence() throws Exception {
        return run(muc, Stanzas.MUC_RECEIVED);
    }

    @Benchmark
    public MatchResult pubsubItemsResult() throws Exception {
        return run(pubsub, Stanzas.PUBSUB_RECEIVED);
    }

    @Benchmark
    public MatchResult discoInfo40Features() throws Exception {
        return run(disco, Stanzas.DISCO_RECEIVED);
    }

    /** {@code scansion:strict='false'} and the features received in reverse order: the assignment at work. */
    @Benchmark
    public MatchResult discoInfo40FeaturesAnyOrder() throws Exception {
        return run(discoLoose, Stanzas.DISCO_RECEIVED_REVERSED);
    }

    /** A rejected stanza: verdict plus XMLUnit's explanation (the report path). */
    @Benchmark
    public MatchResult mucSelfPresenceMismatch() throws Exception {
        return run(muc, Stanzas.MUC_WRONG_ROLE);
    }

    @Benchmark
    public MatchResult discoInfo40FeaturesMismatch() throws Exception {
        return run(disco, Stanzas.DISCO_RECEIVED_MISSING_ONE);
    }

    /** Parse alone, to split the cost of the matching benchmarks. */
    @Benchmark
    public ReceivedStanza discoInfo40FeaturesParseOnly() throws Exception {
        return ReceivedStanza.parse(Stanzas.DISCO_RECEIVED);
    }
}
