package dev.scansion.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

import dev.scansion.script.Diagnostic;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;

/**
 * Reads and parses scripts during discovery, through {@link ScriptSources} as the CLI does. A script that cannot be read or does not parse is
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
            return accept(location, ScriptSources.load(location.name(), in.readAllBytes(), ParseOptions.RUN));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return accept(location, ScriptSources.unreadable(location.name(), e));
        }
    }

    Optional<Loaded> fromFile(Path path) {
        ScriptLocation location = ScriptLocation.file(path);
        return accept(location, ScriptSources.load(path, ParseOptions.RUN));
    }

    /** Reports the diagnostics of a loaded script as discovery issues; the script when it has no error. */
    private Optional<Loaded> accept(ScriptLocation location, ScriptSources.Loaded loaded) {
        ParseResult parsed = loaded.parsed();
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
        return Optional.of(new Loaded(location, parsed.script().get(), loaded.lines(), warnings));
    }

    private void report(Severity severity, ScriptLocation location, SourcePos pos, String message) {
        issues.reportIssue(DiscoveryIssue.builder(severity, message).source(location.source(pos)));
    }
}
