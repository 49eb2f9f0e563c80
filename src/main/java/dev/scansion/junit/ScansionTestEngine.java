package dev.scansion.junit;

import java.util.Optional;

import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The JUnit Platform engine {@value #ID}: every {@code .scs} script a launcher selects is one test,
 * run with {@link dev.scansion.exec.ScriptRunner} against the server named by the configuration
 * parameters ({@code scansion.host}, {@code scansion.port}, ...; see docs/junit-engine.md).
 * Scripts run one after another in discovery order. Registered through
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
public final class ScansionTestEngine extends HierarchicalTestEngine<ScansionExecutionContext> {
    public static final String ID = "scansion";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.scansion");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("scansion");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        ScansionEngineDescriptor engine = new ScansionEngineDescriptor(uniqueId);
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), uniqueId));
        EngineDiscoveryRequestResolver.<ScansionEngineDescriptor>builder()
                .addResourceContainerSelectorResolver(ResourceFilter.of(r -> r.getName().endsWith(".scs")))
                .addSelectorResolver(new ScriptSelectorResolver(uniqueId, issues))
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    protected ScansionExecutionContext createExecutionContext(ExecutionRequest request) {
        return new ScansionExecutionContext(EngineSettings.from(request.getConfigurationParameters()));
    }
}
