package dev.scansion.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.scansion.script.ast.Script;

/**
 * Narrows a selection before a run: header tags, {@code --only} name globs, then one shard.
 *
 * <p>Shards are dealt round-robin over the selected scripts sorted by path: script i (from 0) of
 * the sorted list goes to shard {@code i mod N + 1}. Every script is in exactly one shard and shards
 * differ by at most one script. Only the order of the paths matters, not their text, so machines
 * that check the same tree out under different directories agree. Adding a script moves the scripts
 * sorted after it to other shards; that is harmless since all shards of one CI run see the same tree.
 * A hash of each path would keep scripts in place, but with tens of scripts it leaves shards empty or
 * doubled, and balance is what sharding is for.
 */
public final class ShardSelection {
    private ShardSelection() {
    }

    /**
     * @param files    the scripts to run, in selection order
     * @param selected how many scripts the tags and names selected, before sharding
     */
    public record Picked(List<Path> files, int selected) {
        public Picked {
            files = List.copyOf(files);
        }
    }

    /**
     * A script that does not parse is kept by the tags (its errors must be reported, not hidden) and
     * matched by file name only.
     */
    public static Picked pick(List<Path> files, TagFilter tags, List<String> only, Optional<Shard> shard) {
        return pick(files, tags, only, shard, Optional.empty());
    }

    /** As above; with {@code weights} (measured durations), shards are balanced by {@link WeightedShards}. */
    public static Picked pick(List<Path> files, TagFilter tags, List<String> only, Optional<Shard> shard,
                              Optional<Function<Path, OptionalLong>> weights) {
        List<Pattern> globs = only.stream().map(String::trim).filter(s -> !s.isEmpty()).map(ShardSelection::glob).toList();
        List<Path> selected = new ArrayList<>();
        for (Path file : files) {
            Optional<Script> script = ScriptSources.load(file, ParseOptions.RUN).script();
            if (script.isPresent() && tags.rejects(script.get()).isPresent()) continue;
            String title = script.map(Script::title).orElse("");
            if (globs.isEmpty() || globs.stream().anyMatch(g -> named(g, file, title))) selected.add(file);
        }
        return new Picked(shard.map(s -> weights.map(w -> WeightedShards.shard(selected, s, w))
                .orElseGet(() -> shard(selected, s))).orElse(selected), selected.size());
    }

    /** The files of one shard, in their selection order. */
    public static List<Path> shard(List<Path> files, Shard shard) {
        List<String> sorted = files.stream().map(ShardSelection::key).distinct().sorted().toList();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) position.put(sorted.get(i), i);
        return files.stream().filter(f -> position.get(key(f)) % shard.total() == shard.index() - 1).toList();
    }

    /** Whether {@code --only GLOB} selects the script: its file name (with or without .scs) or its title. */
    static boolean named(Pattern glob, Path file, String title) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String stem = name.endsWith(".scs") ? name.substring(0, name.length() - 4) : name;
        return glob.matcher(name).matches() || glob.matcher(stem).matches()
                || (!title.isEmpty() && glob.matcher(title).matches());
    }

    /** {@code *} any characters, {@code ?} one character, the rest literal; case-insensitive. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
            regex.append(c == '*' ? ".*" : ".");
        }
        if (literal.length() > 0) regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static String key(Path file) {
        return file.toString().replace('\\', '/');
    }
}
