package dev.scansion.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Shards balanced by measured duration ({@code --shard-weights}): the scripts, longest first (ties
 * by path), each go to the shard with the least total so far (ties to the lowest shard). A script
 * without a measured duration counts as the median of those measured (1 when none is). Only the
 * durations and paths decide, so every machine computes the same partition from the same report.
 */
public final class WeightedShards {
    private WeightedShards() {
    }

    /** The files of {@code shard}, in their selection order. */
    public static List<Path> shard(List<Path> files, Shard shard, Function<Path, OptionalLong> measured) {
        List<String> keys = files.stream().map(WeightedShards::key).distinct().sorted().toList();
        List<Long> known = new ArrayList<>();
        java.util.Map<String, Long> weight = new java.util.HashMap<>();
        for (Path f : files) {
            OptionalLong w = measured.apply(f);
            if (w.isPresent()) {
                weight.put(key(f), Math.max(0, w.getAsLong()));
                known.add(Math.max(0, w.getAsLong()));
            }
        }
        long median = median(known);
        List<String> order = new ArrayList<>(keys);
        order.sort(Comparator.<String>comparingLong(k -> weight.getOrDefault(k, median)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        long[] totals = new long[shard.total()];
        Set<String> mine = new HashSet<>();
        for (String k : order) {
            int least = 0;
            for (int s = 1; s < totals.length; s++) if (totals[s] < totals[least]) least = s;
            totals[least] += weight.getOrDefault(k, median);
            if (least == shard.index() - 1) mine.add(k);
        }
        return files.stream().filter(f -> mine.contains(key(f))).toList();
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) return 1;
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String key(Path file) {
        return file.toString().replace('\\', '/');
    }
}
