package dev.scansion.junit;

import java.util.List;
import java.util.Set;

import org.junit.platform.engine.support.hierarchical.ExclusiveResource;

import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import dev.scansion.exec.SerialGate;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourcePos;

/**
 * One script, one test. Its source is the script file at line 1 (where the title is); a failure
 * names the failing line in its message and in a one-frame stack trace pointing into the script.
 * Steps are not separate tests: reports then count scripts, as the CLI's reports do.
 */
final class ScriptDescriptor extends AbstractTestDescriptor implements Node<ScansionExecutionContext> {
    private final ScriptLocation location;
    private final Script script;
    private final List<String> sourceLines;
    private final List<Diagnostic> warnings;
    private final Set<TestTag> tags;

    ScriptDescriptor(UniqueId id, ScriptLocation location, Script script, List<String> sourceLines,
                     List<Diagnostic> warnings) {
        super(id, script.title().isEmpty() ? location.fileName() : script.title(),
                location.source(new SourcePos(1, 1)));
        this.location = location;
        this.script = script;
        this.sourceLines = List.copyOf(sourceLines);
        this.warnings = List.copyOf(warnings);
        this.tags = JUnitTags.of(script.tags());
    }

    ScriptLocation location() {
        return location;
    }

    Script script() {
        return script;
    }

    List<String> sourceLines() {
        return sourceLines;
    }

    List<Diagnostic> warnings() {
        return warnings;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    /** The script's path: Surefire and other tools that know nothing of display names show this. */
    @Override
    public String getLegacyReportingName() {
        return location.name();
    }

    /**
     * Every script may run concurrently with others; whether any does is the executor's choice
     * ({@code scansion.jobs}, see {@link ScansionTestEngine}). Shown explicitly, as it is the point.
     */
    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    /**
     * Every script holds the server shared ({@code READ}); a script tagged {@code ## serial}
     * holds it alone ({@code READ_WRITE}), so no other script is in flight with it.
     */
    @Override
    public Set<ExclusiveResource> getExclusiveResources() {
        return Set.of(new ExclusiveResource(ScansionTestEngine.SERVER_RESOURCE, SerialGate.isSerial(script)
                ? ExclusiveResource.LockMode.READ_WRITE : ExclusiveResource.LockMode.READ));
    }

    @Override
    public ScansionExecutionContext execute(ScansionExecutionContext context, DynamicTestExecutor dynamic) {
        context.run(this);
        return context;
    }
}
