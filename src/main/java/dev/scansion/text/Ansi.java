package dev.scansion.text;

/**
 * ANSI colours for terminal output, or none: the one place that writes escape sequences, so that
 * every coloured text is reset the same way.
 */
public record Ansi(boolean on) {
    public static final Ansi OFF = new Ansi(false);

    public static final String RED = "31";
    public static final String GREEN = "32";
    public static final String YELLOW = "33";
    public static final String BLUE = "34";
    public static final String BOLD = "1";
    public static final String DIM = "2";

    /** {@code text} in the given SGR codes, e.g. {@code paint("1;31", "error")}, then reset. */
    public String paint(String codes, String text) {
        return on ? "\u001b[" + codes + "m" + text + "\u001b[0m" : text;
    }

    /** Bold and in a colour ({@link #RED}, {@link #YELLOW}, {@link #BLUE}...). */
    public String strong(String colour, String text) {
        return paint(BOLD + ";" + colour, text);
    }
}
