package dev.scansion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import dev.scansion.match.Difference;
import dev.scansion.report.RunInfo;
import dev.scansion.report.html.HtmlReport;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptOutcome;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepOutcome;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepTiming;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.SourceSpan;

/**
 * Size and write time of the HTML report ({@code --html}) for runs of N scripts, each shaped like
 * specs/prosody/muc_kick.scs: two actors, 24 steps, 30 stanzas of a few hundred characters in a
 * room; one script in ten fails a receive with a difference and two stanzas set aside.
 * {@code java HtmlReportBench DIR N...}: per N, 2 writes to warm up, then 5 timed, each into a
 * fresh directory; prints one Markdown row per N.
 */
public final class HtmlReportBench {
    private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");
    private static final String PRESENCE = "<presence from='room@conference.localhost/Juliet' to='romeo@localhost/r' "
            + "id='p%d'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant' "
            + "jid='juliet@localhost/balcony'/><status code='110'/></x><c xmlns='http://jabber.org/protocol/caps' "
            + "hash='sha-1' node='https://example.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/></presence>";

    private HtmlReportBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        RunInfo info = new RunInfo("bench", Optional.of("127.0.0.1"), Optional.of(5222), "bench-host");
        System.out.println("| scripts | index.html | largest page | whole report | write time: median (min–max) of 5 |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int n = Integer.parseInt(a);
            RunResult run = run(n);
            long[] ms = new long[7];
            Path out = null;
            for (int i = 0; i < ms.length; i++) {
                out = dir.resolve("n" + n + "-" + i);
                long t0 = System.nanoTime();
                HtmlReport.write(run, info, List.of("--timeout 5 s"), out);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            long[] timed = Arrays.copyOfRange(ms, 2, ms.length);
            Arrays.sort(timed);
            long largest;
            try (Stream<Path> pages = Files.list(out.resolve("scripts"))) {
                largest = pages.mapToLong(HtmlReportBench::size).max().orElse(0);
            }
            long whole;
            try (Stream<Path> files = Files.walk(out)) {
                whole = files.filter(Files::isRegularFile).mapToLong(HtmlReportBench::size).sum();
            }
            System.out.printf("| %,d | %s | %s | %s | %d ms (%d–%d) |%n", n, kib(size(out.resolve("index.html"))),
                    kib(largest), kib(whole), timed[2], timed[0], timed[4]);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String kib(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MiB", bytes / 1048576.0) : String.format("%.0f KiB", bytes / 1024.0);
    }

    static RunResult run(int n) {
        List<ScriptResult> scripts = new ArrayList<>();
        for (int i = 0; i < n; i++) scripts.add(script(i, i % 10 == 9));
        return new RunResult(scripts, List.of(), T0, Duration.ofSeconds(n));
    }

    private static ScriptResult script(int i, boolean fails) {
        String file = "specs/group-" + (i % 20) + "/muc_script_" + i + ".scs";
        Instant start = T0.plusSeconds(i);
        List<StepResult> steps = new ArrayList<>();
        List<TranscriptEntry> transcript = new ArrayList<>();
        steps.add(step(1, "connects", "Romeo", file, 10, 20, Optional.empty()));
        steps.add(step(2, "connects", "Juliet", file, 11, 20, Optional.empty()));
        long t = 40;
        for (int s = 3; s <= 24; s++) {
            String actor = s % 2 == 0 ? "Romeo" : "Juliet";
            boolean sends = s % 3 == 0;
            Optional<Failure> failure = fails && s == 24 ? Optional.of(failure(file, 10 + 3 * s)) : Optional.empty();
            steps.add(step(s, sends ? "sends" : "receives", actor, file, 10 + 3 * s, 5, failure));
            Direction d = sends ? Direction.SENT : Direction.RECEIVED;
            transcript.add(new TranscriptEntry(actor, d, start.plusMillis(t + 1), String.format(PRESENCE, s)));
            if (!sends) transcript.add(new TranscriptEntry(actor, d, start.plusMillis(t + 2), String.format(PRESENCE, 100 + s)));
            t += 5;
        }
        ScriptOutcome outcome = fails ? new ScriptOutcome.Failed(failure(file, 82)) : new ScriptOutcome.Passed();
        return new ScriptResult(file, Optional.empty(), "MUC script " + i, List.of("muc"), outcome, start,
                Duration.ofMillis(t), steps, transcript, List.of());
    }

    private static StepResult step(int n, String verb, String actor, String file, int line, long ms,
                                   Optional<Failure> failure) {
        StepOutcome outcome = failure.<StepOutcome>map(StepOutcome.Failed::new).orElseGet(StepOutcome.Passed::plain);
        return new StepResult(n, verb, actor, SourceSpan.of(file, line, 1), outcome, Duration.ofMillis(ms), StepTiming.NONE);
    }

    private static Failure failure(String file, int line) {
        SourceSpan at = SourceSpan.of(file, line, 1);
        Difference d = new Difference(SourceSpan.of(file, line + 2, 40), "/presence/x{muc#user}/item/@role",
                "attribute value differs", "moderator", "participant");
        String closest = String.format(PRESENCE, 999);
        return new Failure(at, "Romeo receives:", new Reason.NoMatch(new Reason.Expected(at, 0, 1), Duration.ofSeconds(5),
                List.of(new Reason.Candidate(closest, List.of(d))), Reason.SetAside.of(List.of(closest,
                String.format(PRESENCE, 998))), Reason.Dropped.none("Romeo")));
    }
}
