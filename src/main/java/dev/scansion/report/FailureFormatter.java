package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.match.Difference;
import dev.scansion.match.ReceivedStanza;

/** Renders a failed step: where, why, the differences, what was set aside, what the actor saw last. */
final class FailureFormatter {
    private static final int SET_ASIDE_WIDTH = 240;
    private final ConsoleStyle style;

    FailureFormatter(ConsoleStyle style) {
        this.style = style;
    }

    List<String> lines(StepResult step, Failure f) {
        List<String> out = new ArrayList<>();
        out.add("  " + style.bold(step.title()) + " failed: " + FailureMessages.of(f));
        location(out, f);
        differences(out, f.differences());
        f.received().ifPresent(raw -> {
            out.add(f.kind() == Failure.Kind.UNEXPECTED_STANZA ? "  received:" : "  compared with:");
            pretty(raw).lines().forEach(l -> out.add("    " + l));
        });
        Reason.SetAside setAside = f.setAside();
        if (!setAside.isEmpty()) {
            List<String> kept = setAside.kept();
            out.add("  set aside (" + setAside.total() + (kept.size() < setAside.total() ? ", the first "
                    + kept.size() + " kept" : "") + "):");
            for (int i = 0; i < kept.size(); i++) {
                out.add("    " + (i + 1) + ". " + Text.truncate(Text.oneLine(kept.get(i)), SET_ASIDE_WIDTH));
            }
        }
        if (!f.recent().isEmpty()) {
            out.add("  " + step.actor() + "'s last received before this step:");
            for (TranscriptEntry e : f.recent()) {
                out.add("    " + Text.truncate(Text.oneLine(e.xml()), SET_ASIDE_WIDTH));
            }
        }
        return out;
    }

    /** The stanza indented for reading; as received when it does not parse. */
    private static String pretty(String raw) {
        try {
            return ReceivedStanza.parse(raw).pretty();
        } catch (ReceivedStanza.MalformedStanzaException | RuntimeException e) {
            return Text.oneLine(raw);
        }
    }

    private void location(List<String> out, Failure f) {
        out.add("  --> " + f.at());
        if (f.sourceLine().isEmpty()) return;
        String n = String.valueOf(f.at().line());
        String pad = " ".repeat(n.length());
        out.add("  " + pad + " |");
        out.add("  " + n + " | " + f.sourceLine());
        out.add("  " + pad + " |");
    }

    private void differences(List<String> out, List<Difference> diffs) {
        if (diffs.isEmpty()) return;
        out.add("  " + Text.plural(diffs.size(), "difference", "differences") + ":");
        for (Difference d : diffs) {
            out.add("    " + d.expectedAt() + "  " + style.bold(d.path()) + ": " + d.reason());
            if (!d.expected().isEmpty()) out.add("        expected: " + style.green(Text.oneLine(d.expected())));
            if (!d.received().isEmpty()) out.add("        received: " + style.red(Text.oneLine(d.received())));
        }
    }
}
