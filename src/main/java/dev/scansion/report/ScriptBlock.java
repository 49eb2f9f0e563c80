package dev.scansion.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -v} lines of one script in flight, kept until it ends so that its block is printed
 * whole (several jobs). Bounded: past {@link #MAX_CHARS} further lines are counted, not kept, and
 * one line says how many were left out. Not thread-safe: the console reporter holds its lock.
 */
final class ScriptBlock {
    /** What one script's kept lines may hold (a flood under -v would otherwise grow without bound). */
    static final int MAX_CHARS = 512 * 1024;

    final List<String> out = new ArrayList<>();
    final List<String> err = new ArrayList<>();
    private long chars;
    private int droppedOut;
    private int droppedErr;

    void add(List<String> to, String line) {
        if (chars + line.length() > MAX_CHARS) {
            if (to == out) droppedOut++;
            else droppedErr++;
            return;
        }
        chars += line.length();
        to.add(line);
    }

    /** The kept lines of {@code which} ({@link #out} or {@link #err}), and a line for what was left out. */
    List<String> lines(List<String> which) {
        int dropped = which == out ? droppedOut : droppedErr;
        if (dropped == 0) return which;
        List<String> all = new ArrayList<>(which);
        all.add("    … " + Text.plural(dropped, "more line", "more lines") + " of this script not shown (over "
                + MAX_CHARS / 1024 + " KiB kept while other scripts run)");
        return all;
    }
}
