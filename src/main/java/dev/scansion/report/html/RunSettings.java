package dev.scansion.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scansion.exec.RunConfig;
import dev.scansion.text.Durations;

/** The options of a run that change its outcome, in the words of the command line, for the index. */
public final class RunSettings {
    private RunSettings() {
    }

    public static List<String> describe(RunConfig c) {
        List<String> out = new ArrayList<>();
        out.add("--timeout " + Durations.format(c.receiveTimeout()));
        out.add("--nothing-wait " + Durations.format(c.nothingWait()));
        out.add("--receive-mode " + lower(c.receiveMode()));
        out.add("--order " + lower(c.order()));
        out.add("--tls " + lower(c.tls().policy()) + (c.tls().insecure() ? " --insecure" : ""));
        c.sasl().ifPresent(m -> out.add("--sasl " + m.wireName()));
        if (c.strictCaptures()) out.add("--strict-captures");
        if (c.failFast()) out.add("--fail-fast");
        c.tags().only().forEach(t -> out.add("--only-tags " + t));
        c.tags().skip().forEach(t -> out.add("--skip-tags " + t));
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
