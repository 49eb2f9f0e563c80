package dev.scansion.report;

/** ANSI colours for the console report, or none. */
public final class ConsoleStyle {
    public static final ConsoleStyle PLAIN = new ConsoleStyle(false);
    public static final ConsoleStyle COLOUR = new ConsoleStyle(true);

    private final boolean colour;

    private ConsoleStyle(boolean colour) {
        this.colour = colour;
    }

    public static ConsoleStyle of(boolean colour) {
        return colour ? COLOUR : PLAIN;
    }

    public boolean colour() {
        return colour;
    }

    String green(String s) {
        return wrap("32", s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
