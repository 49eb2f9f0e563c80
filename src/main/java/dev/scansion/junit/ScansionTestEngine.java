package dev.scansion.junit;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

import dev.scansion.script.Shard;
import dev.scansion.script.ShardSelection;

/**
 * The JUnit Platform engine {@value #ID}: every {@code .scs} script a launcher selects is one test,
 * run with {@link dev.scansion.exec.ScriptRunner} against the server named by the configuration
 * parameters ({@code scansion.host}, {@code scansion.port}, ...; see docs/junit-engine.md).
 * Scripts run one after another in discovery order, or with {@code scansion.jobs} &gt; 1 up to that
 * many at once on JUnit's fork-join executor, a script tagged {@code ## serial} alone (an
 * exclusive resource, see {@link ScriptDescriptor#getExclusiveResources}). Registered through
 * {@code META-INF/services/org.junit.platform.engine.TestEngine}.
 */
public final class ScansionTestEngine extends HierarchicalTestEngine<ScansionExecutionContext> {
    public static final String ID = "scansion";
    /** The lock every script holds: shared, or alone for a serial script. */
    static final String SERVER_RESOURCE = "dev.scansion.server";

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
        keepShard(engine, request);
        return engine;
    }

    /**
     * {@code scansion.shard=K/N} (else Bazel's {@code TEST_TOTAL_SHARDS} / {@code TEST_SHARD_INDEX}):
     * keeps the K-th of N shards of the discovered scripts, by the CLI's rule (round-robin over the
     * scripts sorted by path, {@link ShardSelection#shard}). The launcher's tag filters apply after
     * discovery, so here the shard is taken before tags: every script is still in exactly one shard.
     */
    private static void keepShard(ScansionEngineDescriptor engine, EngineDiscoveryRequest request) {
        Optional<Shard> shard;
        try {
            Optional<String> given = request.getConfigurationParameters().get(EngineSettings.SHARD)
                    .map(String::trim).filter(s -> !s.isEmpty());
            shard = given.isPresent() ? Optional.of(Shard.parse(given.get())) : Shard.fromEnvironment(System::getenv);
        } catch (IllegalArgumentException e) {
            throw new JUnitException("configuration parameter " + EngineSettings.SHARD + ": " + e.getMessage());
        }
        if (shard.isEmpty()) return;
        Map<Path, TestDescriptor> byPath = new LinkedHashMap<>();
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof ScriptDescriptor d) byPath.put(Path.of(d.location().name()), d);
        }
        Set<Path> kept = new HashSet<>(ShardSelection.shard(List.copyOf(byPath.keySet()), shard.get()));
        byPath.forEach((path, d) -> {
            if (!kept.contains(path)) engine.removeChild(d);
        });
    }

    /** With more than one job, JUnit's fork-join executor with exactly that many scripts in flight. */
    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        int jobs = EngineSettings.jobs(request.getConfigurationParameters());
        if (jobs <= 1) return super.createExecutorService(request);
        return new ForkJoinPoolHierarchicalTestExecutorService(new Parallelism(jobs));
    }

    /**
     * A fixed parallelism: scripts block on the network, not the CPU, so the pool neither grows
     * (no compensating threads: {@code saturate}) nor shrinks below {@code jobs}.
     */
    record Parallelism(int jobs) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return jobs;
        }

        @Override
        public int getMinimumRunnable() {
            return jobs;
        }

        @Override
        public int getMaxPoolSize() {
            return jobs;
        }

        @Override
        public int getCorePoolSize() {
            return jobs;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        @Override
        public java.util.function.Predicate<? super java.util.concurrent.ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }

    @Override
    protected ScansionExecutionContext createExecutionContext(ExecutionRequest request) {
        return new ScansionExecutionContext(EngineSettings.from(request.getConfigurationParameters()));
    }
}
