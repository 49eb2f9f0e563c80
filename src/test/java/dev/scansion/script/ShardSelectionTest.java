package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shards, the Bazel environment and --only name globs, on the selection alone (no server). */
class ShardSelectionTest {
    @TempDir
    Path dir;

    private static List<Path> specs() {
        ScriptSources.Selection s = ScriptSources.select(List.of(Path.of("specs")));
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        assertTrue(s.files().size() > 7, "specs/ should hold more scripts than shards tried");
        return s.files();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void shardsOfTheSpecsPartitionThemExactly(int n) {
        List<Path> all = specs();
        List<Path> union = new ArrayList<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int k = 1; k <= n; k++) {
            List<Path> part = ShardSelection.shard(all, new Shard(k, n));
            union.addAll(part);
            smallest = Math.min(smallest, part.size());
            largest = Math.max(largest, part.size());
        }
        assertEquals(all.size(), union.size(), "no script in two shards");
        assertEquals(new HashSet<>(all), new HashSet<>(union), "every script in some shard");
        assertTrue(largest - smallest <= 1, "shards differ by at most one script: " + smallest + ".." + largest);
    }

    @Test
    void aShardKeepsTheSelectionOrderAndDoesNotDependOnTheGivenOrder() {
        List<Path> files = List.of(Path.of("d.scs"), Path.of("a.scs"), Path.of("c.scs"), Path.of("b.scs"));
        assertEquals(List.of(Path.of("a.scs"), Path.of("c.scs")), ShardSelection.shard(files, new Shard(1, 2)));
        assertEquals(List.of(Path.of("d.scs"), Path.of("b.scs")), ShardSelection.shard(files, new Shard(2, 2)));
    }

    @Test
    void shardsAreTheSameUnderAnotherCheckoutDirectory() {
        List<Path> here = specs();
        List<Path> there = here.stream().map(p -> Path.of("/builds/other").resolve(p)).toList();
        for (int k = 1; k <= 3; k++) {
            List<Path> a = ShardSelection.shard(here, new Shard(k, 3));
            List<Path> b = ShardSelection.shard(there, new Shard(k, 3)).stream()
                    .map(p -> Path.of("/builds/other").relativize(p)).toList();
            assertEquals(a, b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "1/0", "-1/2", "x", "1/x", "1/2/3", "", "/", "2"})
    void badShardsAreRefusedWithAReason(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void goodShardsParse() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertEquals(new Shard(1, 1), Shard.parse("1/1"));
    }

    @Test
    void bazelsEnvironmentIsZeroBased() {
        assertEquals(Optional.of(new Shard(1, 3)),
                Shard.fromEnvironment(Map.of("TEST_TOTAL_SHARDS", "3", "TEST_SHARD_INDEX", "0")::get));
        assertEquals(Optional.of(new Shard(3, 3)),
                Shard.fromEnvironment(Map.of("TEST_TOTAL_SHARDS", "3", "TEST_SHARD_INDEX", "2")::get));
        assertEquals(Optional.empty(), Shard.fromEnvironment(Map.<String, String>of()::get));
        assertEquals(Optional.of(Path.of("/tmp/s")), Shard.statusFile(Map.of("TEST_SHARD_STATUS_FILE", "/tmp/s")::get));
        assertEquals(Optional.empty(), Shard.statusFile(Map.<String, String>of()::get));
    }

    @Test
    void badBazelEnvironmentIsRefusedNamingTheVariables() {
        for (Map<String, String> env : List.of(Map.of("TEST_TOTAL_SHARDS", "3", "TEST_SHARD_INDEX", "3"),
                Map.of("TEST_TOTAL_SHARDS", "3"), Map.of("TEST_TOTAL_SHARDS", "0", "TEST_SHARD_INDEX", "0"),
                Map.of("TEST_TOTAL_SHARDS", "three", "TEST_SHARD_INDEX", "0"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(env::get));
            assertTrue(e.getMessage().contains("TEST_"), e.getMessage());
        }
    }

    private Path write(String name, String title, String tag) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "# " + title + "\n## " + tag + "\n\n[Client] Romeo\n\tjid: romeo@localhost\n"
                + "\tpassword: pw\n\n-----\n\nRomeo connects\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void onlySelectsByFileNameOrTitleAfterTheTags() throws IOException {
        Path chat = write("chat.scs", "Two people talk", "smoke");
        Path muc = write("muc_join.scs", "Joining a room", "slow");
        Path broken = dir.resolve("muc_broken.scs");
        Files.writeString(broken, "this is not a script", StandardCharsets.UTF_8);
        List<Path> files = List.of(chat, muc, broken);
        assertEquals(List.of(chat), pick(files, TagFilter.ALL, "chat"));
        assertEquals(List.of(chat), pick(files, TagFilter.ALL, "CHAT.scs"));
        assertEquals(List.of(muc, broken), pick(files, TagFilter.ALL, "muc_*"));
        assertEquals(List.of(muc), pick(files, TagFilter.ALL, "*room"));
        assertEquals(List.of(chat, muc), pick(files, TagFilter.ALL, "two?people*", "joining*"));
        assertEquals(List.of(), pick(files, TagFilter.ALL, "room"), "a title must match whole");
        assertEquals(List.of(), pick(files, TagFilter.ALL, "[chat]"), "brackets are literal");
        assertEquals(List.of(broken), pick(files, new TagFilter(List.of(), List.of("slow")), "muc*"),
                "tags first; an unparsable script is kept for its errors");
        assertEquals(List.of(chat, muc, broken), pick(files, TagFilter.ALL));
    }

    private static List<Path> pick(List<Path> files, TagFilter tags, String... only) {
        return ScriptSources.pick(files, tags, List.of(only), Optional.empty()).files();
    }

    @Test
    void theShardIsTakenAfterTagsAndNames() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) files.add(write("s" + i + ".scs", "script " + i, i % 2 == 0 ? "even" : "odd"));
        TagFilter even = new TagFilter(List.of("even"), List.of());
        Set<Path> seen = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            ShardSelection.Picked p = ScriptSources.pick(files, even, List.of(), Optional.of(new Shard(k, 3)));
            assertEquals(3, p.selected());
            assertEquals(1, p.files().size(), "three even scripts over three shards: one each");
            seen.addAll(p.files());
        }
        assertEquals(Set.of(files.get(0), files.get(2), files.get(4)), seen);
    }
}
