package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** {@code run --list}, {@code --shard}, {@code --only} and Bazel's variables, all without a server. */
@Timeout(60)
class SelectionOptionsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Port 9 of 127.0.0.1 (nothing listens): a run that tried to connect would fail with exit 3. */
    private int run(Map<String, String> env, String... args) {
        CommandLine cl = Main.commandLine();
        RunCommand run = cl.getSubcommands().get("run").getCommand();
        run.selection.environment = env::get;
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("run", "--host", "127.0.0.1", "--port", "9"));
        all.addAll(Arrays.asList(args));
        return cl.execute(Main.normalise(all.toArray(String[]::new)));
    }

    private List<String> listed() {
        String text = out.toString();
        out.getBuffer().setLength(0);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void listedShardsOfTheSpecsPartitionThem(int n) {
        assertEquals(0, run(Map.of(), "--list", "specs"), err.toString());
        List<String> all = listed();
        assertTrue(all.size() > 7 && all.stream().allMatch(l -> l.endsWith(".scs")), all.toString());
        List<String> union = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            assertEquals(0, run(Map.of(), "--list", "--shard", k + "/" + n, "specs"), err.toString());
            union.addAll(listed());
        }
        assertEquals(all.size(), union.size());
        assertEquals(new HashSet<>(all), new HashSet<>(union));
    }

    @Test
    void bazelsVariablesShardTheListAndTheStatusFileIsTouched() {
        Path status = dir.resolve("status");
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> env = Map.of("TEST_TOTAL_SHARDS", "3", "TEST_SHARD_INDEX", String.valueOf(i),
                    "TEST_SHARD_STATUS_FILE", status.toString());
            assertEquals(0, run(env, "--list", "specs"), err.toString());
            List<String> part = listed();
            run(Map.of(), "--list", "--shard", (i + 1) + "/3", "specs");
            assertEquals(listed(), part, "TEST_SHARD_INDEX " + i + " is --shard " + (i + 1) + "/3");
            union.addAll(part);
        }
        assertTrue(Files.exists(status));
        run(Map.of(), "--list", "specs");
        assertEquals(listed().size(), union.size());
    }

    @Test
    void anExplicitShardWinsOverBazelsAndLeavesTheStatusFileAlone() {
        Path status = dir.resolve("status");
        Map<String, String> env = Map.of("TEST_TOTAL_SHARDS", "3", "TEST_SHARD_INDEX", "9",
                "TEST_SHARD_STATUS_FILE", status.toString());
        assertEquals(0, run(env, "--list", "--shard", "1/1", "specs"), err.toString());
        assertTrue(Files.notExists(status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/4", "5/4", "1/0", "garbage", "1/-2"})
    void badShardsAreUsageErrors(String shard) {
        assertEquals(ExitCodes.USAGE, run(Map.of(), "--list", "--shard", shard, "specs"));
        assertTrue(err.toString().contains("--shard"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void badBazelVariablesAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run(Map.of("TEST_TOTAL_SHARDS", "2", "TEST_SHARD_INDEX", "2"), "--list", "specs"));
        assertTrue(err.toString().contains("TEST_SHARD_INDEX"), err.toString());
    }

    private Path write(String name, String title) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "# " + title + "\n\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw\n\n"
                + "-----\n\nRomeo connects\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void onlySelectsByFileNameAndByTitle() throws IOException {
        Path chat = write("chat.scs", "Two people talk");
        Path muc = write("muc_join.scs", "Joining a room");
        assertEquals(0, run(Map.of(), "--list", "--only", "chat", dir.toString()));
        assertEquals(List.of(chat.toString()), listed());
        assertEquals(0, run(Map.of(), "--list", "--only", "*ROOM", dir.toString()));
        assertEquals(List.of(muc.toString()), listed());
        assertEquals(0, run(Map.of(), "--list", "--only", "chat", "--only", "joining*", dir.toString()));
        assertEquals(List.of(chat.toString(), muc.toString()), listed());
    }

    @Test
    void anOnlyThatSelectsNothingIsAUsageErrorAndNothingRuns() throws IOException {
        write("chat.scs", "Two people talk");
        assertEquals(ExitCodes.USAGE, run(Map.of(), "--only", "nothing*", dir.toString()));
        assertTrue(err.toString().contains("no script selected by --only nothing*"), err.toString());
    }

    @Test
    void anEmptyShardOfANonEmptySelectionPassesWithoutConnecting() throws IOException {
        write("chat.scs", "Two people talk");
        assertEquals(ExitCodes.OK, run(Map.of(), "--shard", "2/3", dir.toString()), err.toString());
        assertTrue(err.toString().contains("shard 2/3: no scripts (of 1 selected)"), err.toString());
    }

    @Test
    void aShardRunsOnlyItsScripts() throws IOException {
        write("a.scs", "first");
        write("b.scs", "second");
        // nothing listens on port 9: the one script of the shard fails to connect, and only it is reported
        assertEquals(ExitCodes.RUNTIME, run(Map.of(), "--shard", "2/2", "--no-color", dir.toString()));
        String all = out.toString() + err.toString();
        assertTrue(all.contains("b.scs") && !all.contains("a.scs"), all);
    }

    @Test
    void listWithAMissingPathIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run(Map.of(), "--list", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("nope"), err.toString());
    }
}
