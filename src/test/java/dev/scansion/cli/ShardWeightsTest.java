package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.report.FakeServer;

/** {@code --shard-weights}: shards balanced by a previous report's durations, still an exact partition. */
class ShardWeightsTest {
    @TempDir
    Path dir;

    /** The generated suite: path -> measured milliseconds (absent: not in the report). */
    private final Map<String, Long> durations = new HashMap<>();
    private final List<String> all = new ArrayList<>();

    /**
     * 48 scripts in three directories; every tenth takes 6 s, the rest 100 to 900 ms; the last
     * four are new (not in the report) and count as the median.
     */
    @BeforeEach
    void suite() throws IOException {
        for (int i = 0; i < 48; i++) {
            Path p = dir.resolve("specs/d" + (i % 3) + "/s" + String.format("%02d", i) + ".scs");
            Files.createDirectories(p.getParent());
            Files.writeString(p, RetriesTest.PASS, StandardCharsets.UTF_8);
            all.add(p.toString());
            if (i < 44) durations.put(p.toString(), i % 10 == 0 ? 6000L : 100L + (i * 37L) % 800);
        }
    }

    private Path jsonReport() throws IOException {
        StringBuilder sb = new StringBuilder("{\"formatVersion\": 1, \"counts\": {\"scripts\": " + durations.size()
                + "}, \"scripts\": [");
        String sep = "";
        for (Map.Entry<String, Long> e : durations.entrySet()) {
            sb.append(sep).append("{\"path\": \"").append(e.getKey().replace("\\", "\\\\"))
                    .append("\", \"status\": \"passed\", \"durationMs\": ").append(e.getValue()).append('}');
            sep = ",\n";
        }
        return Files.writeString(dir.resolve("previous.json"), sb.append("]}").toString());
    }

    private Path junitReport() throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<testsuite name=\"scansion\" tests=\"1\" "
                + "failures=\"0\" errors=\"0\" skipped=\"0\">\n");
        for (Map.Entry<String, Long> e : durations.entrySet()) {
            Path p = Path.of(e.getKey());
            // as our JUnit report names it: the directories joined by dots (none has a dot here)
            String cls = String.join(".", p.getParent().toString().substring(1).split("/"));
            sb.append("  <testcase name=\"").append(p.getFileName()).append("\" classname=\"").append(cls)
                    .append("\" time=\"").append(String.format("%d.%03d", e.getValue() / 1000, e.getValue() % 1000))
                    .append("\"/>\n");
        }
        return Files.writeString(dir.resolve("previous.xml"), sb.append("</testsuite>\n").toString());
    }

    private List<String> list(int k, int n, Path report) {
        CliRunner.Run r = CliRunner.run(new FakeServer(), Map.of(), "--list", "--shard", k + "/" + n,
                "--shard-weights", report.toString(), dir.resolve("specs").toString());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        return r.out().lines().toList();
    }

    private long median() {
        List<Long> v = durations.values().stream().sorted().toList();
        return (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    }

    @Test
    void weightedShardsAreWithinTwentyPercentAndPartitionExactly() throws IOException {
        Path report = jsonReport();
        for (int n = 1; n <= 7; n++) {
            Set<String> union = new HashSet<>();
            List<Long> totals = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                List<String> shard = list(k, n, report);
                for (String f : shard) assertTrue(union.add(f), f + " is in two shards of " + n);
                totals.add(shard.stream().mapToLong(f -> durations.getOrDefault(f, median())).sum());
            }
            assertEquals(new HashSet<>(all), union, "the shards of " + n + " are the whole selection");
            if (n == 4) {
                long max = totals.stream().mapToLong(Long::longValue).max().orElseThrow();
                long min = totals.stream().mapToLong(Long::longValue).min().orElseThrow();
                assertTrue(max <= min * 1.2, "shard totals " + totals);
            }
        }
    }

    @Test
    void aJUnitReportGivesTheSameShardsAsTheJsonReport() throws IOException {
        Path json = jsonReport();
        Path xml = junitReport();
        for (int k = 1; k <= 4; k++) assertEquals(list(k, 4, json), list(k, 4, xml), "shard " + k);
    }

    @Test
    void aReportThatCannotBeReadIsAUsageError() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"scripts\": [1, }");
        CliRunner.Run r = CliRunner.run(new FakeServer(), Map.of(), "--shard", "1/2", "--shard-weights",
                bad.toString(), dir.resolve("specs").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("error: --shard-weights: " + bad + ":1:17: unexpected character '}'"), r.toString());
        CliRunner.Run missing = CliRunner.run(new FakeServer(), Map.of(), "--shard", "1/2", "--shard-weights",
                dir.resolve("none.xml").toString(), dir.resolve("specs").toString());
        assertEquals(ExitCodes.USAGE, missing.code(), missing.toString());
        assertTrue(missing.err().contains("error: --shard-weights: cannot read " + dir.resolve("none.xml")),
                missing.toString());
    }
}
