package dev.scansion.report;

import dev.scansion.text.Ansi;

/** The console report's colours (see {@link Ansi}), or none. */
public final class ConsoleStyle {
    public static final ConsoleStyle PLAIN = new ConsoleStyle(false);
    public static final ConsoleStyle COLOUR = new ConsoleStyle(true);

    private final Ansi ansi;

    private ConsoleStyle(boolean colour) {
        this.ansi = new Ansi(colour);
    }

    public static ConsoleStyle of(boolean colour) {
        return colour ? COLOUR : PLAIN;
    }

    public boolean colour() {
        return ansi.on();
    }

    String green(String s) {
        return ansi.paint(Ansi.GREEN, s);
    }

    String red(String s) {
        return ansi.paint(Ansi.RED, s);
    }

    String yellow(String s) {
        return ansi.paint(Ansi.YELLOW, s);
    }

    String bold(String s) {
        return ansi.paint(Ansi.BOLD, s);
    }

    String dim(String s) {
        return ansi.paint(Ansi.DIM, s);
    }
}
