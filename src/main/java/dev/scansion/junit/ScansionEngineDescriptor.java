package dev.scansion.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The engine's root: scripts are its direct children, in discovery order. */
final class ScansionEngineDescriptor extends EngineDescriptor implements Node<ScansionExecutionContext> {
    ScansionEngineDescriptor(UniqueId id) {
        super(id, "scansion");
    }

    /** After the last script: the reports of the whole execution. */
    @Override
    public void after(ScansionExecutionContext context) {
        context.finish();
    }
}
