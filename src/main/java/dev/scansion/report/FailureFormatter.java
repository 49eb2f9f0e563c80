package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.match.Difference;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.text.Printable;

/**
 * Renders a failed step: where, why, the differences, what was set aside, what the actor saw last.
 * Everything that came from a script or a server is shown with its control characters escaped.
 */
final class FailureFormatter {
    private static final int SET_ASIDE_WIDTH = 240;
    private final ConsoleStyle style;

    FailureFormatter(ConsoleStyle style) {
        this.style = style;
    }

    List<String> lines(StepResult step, Failure f) {
        List<String> out = new ArrayList<>();
        out.add("  " + style.bold(Printable.line(step.title())) + " failed: " + Printable.line(FailureMessages.of(f)));
        location(out, f);
        differences(out, f.differences());
        f.received().ifPresent(raw -> {
            out.add(f.kind() == Failure.Kind.UNEXPECTED_STANZA ? "  received:" : "  compared with:");
            Printable.text(pretty(raw)).lines().forEach(l -> out.add("    " + l));
        });
        Reason.SetAside setAside = f.setAside();
        if (!setAside.isEmpty()) {
            List<String> kept = setAside.kept();
            out.add("  set aside (" + setAside.total() + (kept.size() < setAside.total() ? ", the first "
                    + kept.size() + " shown" : "") + "):");
            for (int i = 0; i < kept.size(); i++) {
                out.add("    " + (i + 1) + ". " + Printable.shortLine(kept.get(i), SET_ASIDE_WIDTH));
            }
        }
        if (!f.recent().isEmpty()) {
            out.add("  " + Printable.line(step.actor()) + "'s last received before this step:");
            for (TranscriptEntry e : f.recent()) {
                out.add("    " + Printable.shortLine(e.xml(), SET_ASIDE_WIDTH));
            }
        }
        return out;
    }

    /** The stanza indented for reading; as received when it does not parse. */
    private static String pretty(String raw) {
        try {
            return ReceivedStanza.parse(raw).pretty();
        } catch (ReceivedStanza.MalformedStanzaException | RuntimeException e) {
            return Printable.line(raw);
        }
    }

    private void location(List<String> out, Failure f) {
        out.add("  --> " + Printable.line(f.at().toString()));
        if (f.sourceLine().isEmpty()) return;
        String n = String.valueOf(f.at().line());
        String pad = " ".repeat(n.length());
        out.add("  " + pad + " |");
        out.add("  " + n + " | " + Printable.shortLine(f.sourceLine(), SET_ASIDE_WIDTH));
        out.add("  " + pad + " |");
    }

    private void differences(List<String> out, List<Difference> diffs) {
        if (diffs.isEmpty()) return;
        out.add("  " + Text.plural(diffs.size(), "difference", "differences") + ":");
        for (Difference d : diffs) {
            out.add("    " + Printable.line(d.expectedAt().toString()) + "  " + style.bold(Printable.line(d.path()))
                    + ": " + Printable.line(d.reason()));
            if (!d.expected().isEmpty()) out.add("        expected: " + style.green(Printable.line(d.expected())));
            if (!d.received().isEmpty()) out.add("        received: " + style.red(Printable.line(d.received())));
        }
    }
}
