package dev.scansion.script;

import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.Script;

/** A parsed file: the script when it has no errors, and every diagnostic (errors and warnings) in file order. */
public record ParseResult(String file, Optional<Script> script, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return script.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }
}
