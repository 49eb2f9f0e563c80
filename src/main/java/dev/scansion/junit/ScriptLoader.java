package dev.scansion.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

import dev.scansion.script.Diagnostic;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;

/**
 * Reads and parses scripts during discovery. A script that cannot be read or does not parse is
 * reported as an ERROR discovery issue at its first error's position (never dropped silently);
 * parser warnings become WARNING issues.
 */
final class ScriptLoader {
    /** A script ready to become a test. */
    record Loaded(ScriptLocation location, Script script, List<String> lines, List<Diagnostic> warnings) {
    }

    private final DiscoveryIssueReporter issues;

    ScriptLoader(DiscoveryIssueReporter issues) {
        this.issues = issues;
    }

    Optional<Loaded> fromResource(String name, Resource resource) {
        ScriptLocation location = ScriptLocation.resource(name);
        try (InputStream in = resource.getInputStream()) {
            return parse(location, in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return unreadable(location, e);
        }
    }

    Optional<Loaded> fromFile(Path path) {
        ScriptLocation location = ScriptLocation.file(path);
        try {
            return parse(location, Files.readAllBytes(path));
        } catch (IOException | RuntimeException e) {
            return unreadable(location, e);
        }
    }

    private Optional<Loaded> parse(ScriptLocation location, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            report(Severity.ERROR, location, new SourcePos(1, 1), location.name() + ": not a UTF-8 text file");
            return Optional.empty();
        }
        ParseResult parsed = ScriptParser.parse(location.name(), text);
        List<Diagnostic> warnings = parsed.diagnostics().stream().filter(d -> !d.isError()).toList();
        for (Diagnostic w : warnings) report(Severity.WARNING, location, w.span().pos(), w.render(false));
        if (!parsed.ok()) {
            List<Diagnostic> errors = parsed.errors();
            String message = location.name() + " does not parse, so it is not run (" + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + "):\n"
                    + errors.stream().map(d -> d.render(false)).collect(Collectors.joining("\n"));
            report(Severity.ERROR, location, errors.get(0).span().pos(), message);
            return Optional.empty();
        }
        List<String> lines = List.of(text.split("\r?\n", -1));
        return Optional.of(new Loaded(location, parsed.script().get(), lines, warnings));
    }

    private Optional<Loaded> unreadable(ScriptLocation location, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        report(Severity.ERROR, location, new SourcePos(1, 1), location.name() + ": cannot read the script: " + reason);
        return Optional.empty();
    }

    private void report(Severity severity, ScriptLocation location, SourcePos pos, String message) {
        issues.reportIssue(DiscoveryIssue.builder(severity, message).source(location.source(pos)));
    }
}
