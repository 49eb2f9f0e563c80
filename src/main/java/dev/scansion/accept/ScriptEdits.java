package dev.scansion.accept;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.author.JidNames;
import dev.scansion.exec.Acceptor;
import dev.scansion.match.MatchOptions;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.match.StanzaMatcher;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.XmlElement;

/**
 * The accepted rewrites of one script file: its bytes as read, and the edits accepted so far.
 * Each new rewrite is checked on the whole rewritten text (parsed again, and the rewritten
 * expectation compared with the stanza by {@link StanzaMatcher}) before it is offered.
 */
final class ScriptEdits {
    /** A rewrite was not possible; the message says why, in one line. */
    static final class NotAccepted extends Exception {
        NotAccepted(String message) {
            super(message);
        }
    }

    /**
     * A rewrite ready to be accepted.
     *
     * @param expectation the rewritten expected element (empty when the step became {@code receives: nothing})
     * @param before      the text with the rewrites accepted so far
     * @param after       the same with this one
     */
    record Pending(List<Edit> edits, List<String> changes, Optional<XmlElement> expectation, String before,
                   String after) {
    }

    private static final Pattern NOTHING = Pattern.compile("receives\\s*:\\s*nothing");
    private static final Pattern RECEIVES = Pattern.compile("receives\\s*:?");

    final Path path;
    final byte[] bytes;
    final Source source;
    private final StanzaRenderer.Style style;
    private final String payloadIndent;
    private final List<Edit> accepted = new ArrayList<>();
    private int steps;

    private ScriptEdits(Path path, byte[] bytes, Source source) {
        this.path = path;
        this.bytes = bytes;
        this.source = source;
        FileStyle found = FileStyle.of(source);
        this.style = new StanzaRenderer.Style(found.unit(), found.quote(), source.newline);
        this.payloadIndent = found.payloadIndent();
    }

    /**
     * Reads the script the run ran.
     *
     * @throws NotAccepted when it cannot be read, or no longer says what the run ran (changed on disk)
     */
    static ScriptEdits read(Path path, Script ran) throws NotAccepted {
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new NotAccepted("cannot read " + path + ": " + (e instanceof CharacterCodingException
                    ? "not UTF-8" : e.getClass().getSimpleName()));
        }
        Optional<Script> now = ScriptSources.parse(ran.file(), text, ParseOptions.RUN).script();
        if (now.isEmpty() || !now.get().steps().equals(ran.steps())) {
            throw new NotAccepted(path + " changed on disk since the run read it");
        }
        return new ScriptEdits(path, bytes, new Source(text));
    }

    int steps() {
        return steps;
    }

    boolean changed() {
        return !accepted.isEmpty();
    }

    String text() {
        return Edit.apply(source.text, accepted);
    }

    void commit(Pending p) {
        accepted.addAll(p.edits());
        steps++;
    }

    /** The rewrite a proposal asks for, checked; not yet accepted. */
    Pending prepare(Acceptor.Proposal p) throws NotAccepted {
        Step step = p.script().steps().get(p.step());
        Naming names = names(p);
        List<Edit> edits;
        List<String> changes;
        if (step instanceof Step.ReceiveNothing && p.stanza().isPresent()) {
            edits = toReceive(step, Received.parse(p.stanza().get()), names);
            changes = List.of("receives: nothing → receives: the stanza that arrived");
        } else if (step instanceof Step.Receive r && p.stanza().isEmpty()) {
            if (p.element() != 0) throw new NotAccepted("nothing arrived for the step's element " + (p.element() + 1)
                    + " of " + r.payload().size() + ": only a whole step becomes receives: nothing");
            edits = toNothing(r);
            changes = List.of("receives → receives: nothing");
        } else if (step instanceof Step.Receive r) {
            try {
                ExpectationEditor.Result result = ExpectationEditor.edit(source, r.payload().get(p.element()),
                        Received.parse(p.stanza().get()), p.bindings(), names, style);
                edits = result.edits();
                changes = result.changes();
            } catch (ExpectationEditor.NotMinimal e) {
                throw new NotAccepted("cannot be rewritten minimally: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new NotAccepted(e.getMessage());
            }
        } else {
            throw new NotAccepted("a " + step.verb() + " step is never rewritten");
        }
        if (edits.isEmpty()) throw new NotAccepted("the expectation already matches; nothing to rewrite");
        return check(p, edits, changes);
    }

    /** The rewritten text parsed again; the rewritten step compared with the stanza. */
    private Pending check(Acceptor.Proposal p, List<Edit> edits, List<String> changes) throws NotAccepted {
        String before = text();
        List<Edit> all = new ArrayList<>(accepted);
        all.addAll(edits);
        String after;
        try {
            after = Edit.apply(source.text, all);
        } catch (IllegalArgumentException e) {
            throw new NotAccepted("the rewrite overlaps an earlier one in the same payload");
        }
        ScriptSources.Loaded loaded = ScriptSources.parse(p.script().file(), after, ParseOptions.RUN);
        if (loaded.script().isEmpty() || loaded.script().get().steps().size() != p.script().steps().size()) {
            throw new NotAccepted("the rewritten script does not parse: " + loaded.parsed().errors().stream()
                    .findFirst().map(Object::toString).orElse("its steps changed"));
        }
        Step now = loaded.script().get().steps().get(p.step());
        if (p.stanza().isEmpty()) {
            if (!(now instanceof Step.ReceiveNothing)) throw new NotAccepted("the rewrite did not give receives: nothing");
            return new Pending(edits, changes, Optional.empty(), before, after);
        }
        int index = p.script().steps().get(p.step()) instanceof Step.ReceiveNothing ? 0 : p.element();
        if (!(now instanceof Step.Receive r) || r.payload().size() <= index) {
            throw new NotAccepted("the rewritten step is not a receives");
        }
        XmlElement rewritten = r.payload().get(index);
        try {
            ReceivedStanza stanza = ReceivedStanza.parse(p.stanza().get());
            if (new StanzaMatcher(MatchOptions.DEFAULT).verdict(rewritten, p.bindings(), stanza).isEmpty()) {
                throw new NotAccepted("the rewritten expectation still does not match; left as it was");
            }
        } catch (ReceivedStanza.MalformedStanzaException e) {
            throw new NotAccepted("the stanza that arrived is not well-formed XML");
        }
        return new Pending(edits, changes, Optional.of(rewritten), before, after);
    }

    /** {@code receives: nothing} → {@code receives:} and the stanza, generalised, indented as the file's payloads. */
    private List<Edit> toReceive(Step step, Received stanza, Naming names) throws NotAccepted {
        int line = step.span().line();
        Matcher m = NOTHING.matcher(source.line(line));
        if (!m.find()) throw new NotAccepted("'receives: nothing' not found on line " + line);
        int at = source.lineStart(line);
        String payload = new StanzaRenderer(style, names).render(stanza, List.of(), XmlElement.JABBER_CLIENT,
                payloadIndent);
        return List.of(new Edit(at + m.start(), at + m.end(), "receives:"),
                Edit.insert(source.lineEnd(line), source.newline + payloadIndent + payload));
    }

    /** {@code receives:} and its payload → {@code receives: nothing}. */
    private List<Edit> toNothing(Step.Receive step) throws NotAccepted {
        int line = step.span().line();
        Matcher m = RECEIVES.matcher(source.line(line));
        if (!m.find()) throw new NotAccepted("'receives' not found on line " + line);
        XmlElement last = step.payload().get(step.payload().size() - 1);
        Extent x;
        try {
            x = ExtentScanner.scan(source, source.offset(last.pos()));
        } catch (IllegalStateException e) {
            throw new NotAccepted("the payload's text could not be read back: " + e.getMessage());
        }
        int end = source.lineEnd(source.lineOf(x.end()));
        if (!source.blank(x.end(), end)) throw new NotAccepted("text follows the payload on its last line");
        return List.of(new Edit(source.lineStart(line) + m.start(), end, "receives: nothing"));
    }

    /**
     * The run's JIDs by actor (full JIDs bound so far, bare JIDs of every actor, the first of an
     * account) and what the script sent before the step, for the recorder's rule of minted values.
     */
    private static Naming names(Acceptor.Proposal p) {
        Map<String, String> full = new LinkedHashMap<>();
        p.fullJids().forEach((actor, jid) -> full.putIfAbsent(jid, actor));
        Map<String, String> bare = new LinkedHashMap<>();
        for (Actor a : p.script().actors()) bare.putIfAbsent(a.bareJid(), a.name());
        return Naming.of(p.script(), p.step(), p.bindings(), p.fullJids(), new JidNames(full, bare));
    }
}
