package dev.scansion.junit;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.discovery.UriSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.SourcePos;

/**
 * Turns selectors into script tests. Classpath roots and packages are handled by the platform's
 * resource scanning, which hands each {@code .scs} resource back here as a
 * {@link ClasspathResourceSelector}; a resource selector naming a folder ({@code scansion}) selects
 * every script below it; files, directories, file URIs and unique ids are handled here too.
 */
final class ScriptSelectorResolver implements SelectorResolver {
    private final UniqueId engineId;
    private final ScriptLoader loader;
    private final DiscoveryIssueReporter issues;

    ScriptSelectorResolver(UniqueId engineId, DiscoveryIssueReporter issues) {
        this.engineId = engineId;
        this.issues = issues;
        this.loader = new ScriptLoader(issues);
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = trimSlashes(selector.getClasspathResourceName());
        if (!name.endsWith(".scs")) return folder(name);
        Set<Resource> resources = resources(selector);
        if (resources.isEmpty()) {
            // a script named explicitly and missing would otherwise just not run
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, "classpath resource " + name
                    + " not found: no such script").source(ScriptLocation.resource(name).source(new SourcePos(1, 1))));
            return unresolved();
        }
        return loader.fromResource(name, resources.iterator().next()).map(l -> add(l, context)).orElse(unresolved());
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path path = selector.getPath();
        if (!path.getFileName().toString().endsWith(".scs")) return unresolved();
        return loader.fromFile(path).map(l -> add(l, context)).orElse(unresolved());
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        ScriptSources.Selection found = ScriptSources.select(List.of(selector.getPath()));
        found.problems().forEach(p -> issues.reportIssue(DiscoveryIssue.create(Severity.WARNING, p)));
        Set<DiscoverySelector> files = new LinkedHashSet<>();
        for (Path p : found.files()) files.add(DiscoverySelectors.selectFile(p.toFile()));
        return files.isEmpty() ? unresolved() : Resolution.selectors(files);
    }

    @Override
    public Resolution resolve(UriSelector selector, Context context) {
        if (!"file".equals(selector.getUri().getScheme())) return unresolved();
        Path path = Path.of(selector.getUri());
        DiscoverySelector next = Files.isDirectory(path) ? DiscoverySelectors.selectDirectory(path.toFile())
                : DiscoverySelectors.selectFile(path.toFile());
        return Resolution.selectors(Set.of(next));
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (!id.hasPrefix(engineId) || segments.size() < 2) return unresolved();
        UniqueId.Segment script = segments.get(1);
        if (script.getType().equals(ScriptLocation.Kind.RESOURCE.segment)) {
            return Resolution.selectors(Set.of(DiscoverySelectors.selectClasspathResource(script.getValue())));
        }
        if (script.getType().equals(ScriptLocation.Kind.FILE.segment)) {
            return Resolution.selectors(Set.of(DiscoverySelectors.selectFile(script.getValue())));
        }
        return unresolved();
    }

    private Resolution add(ScriptLoader.Loaded loaded, Context context) {
        Optional<ScriptDescriptor> added = context.addToParent(parent -> Optional.of(new ScriptDescriptor(
                loaded.location().uniqueId(parent.getUniqueId()), loaded.location(), loaded.script(), loaded.lines(),
                loaded.warnings())));
        return added.map(d -> Resolution.match(Match.exact(d))).orElse(unresolved());
    }

    private Resolution folder(String name) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        try {
            for (String script : ClasspathFolders.scripts(name, classLoader())) {
                selectors.add(DiscoverySelectors.selectClasspathResource(script));
            }
        } catch (IOException | RuntimeException e) {
            issues.reportIssue(DiscoveryIssue.create(Severity.WARNING,
                    "cannot list scripts in classpath folder '" + name + "': " + e));
        }
        if (selectors.isEmpty()) {
            // INFO only: the same selector may be meant for another engine (a folder of features, say)
            issues.reportIssue(DiscoveryIssue.create(Severity.INFO, "no .scs scripts in classpath folder '" + name + "'"));
            return unresolved();
        }
        return Resolution.selectors(selectors);
    }

    @SuppressWarnings("deprecation")
    private static Set<Resource> resources(ClasspathResourceSelector selector) {
        try {
            return selector.getResources();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : ScriptSelectorResolver.class.getClassLoader();
    }

    private static String trimSlashes(String name) {
        String s = name;
        while (s.startsWith("/")) s = s.substring(1);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
