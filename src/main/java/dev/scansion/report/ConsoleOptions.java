package dev.scansion.report;

/**
 * How the console report looks.
 *
 * @param verbose  print every step and the raw XML trace of every connection (SASL redacted)
 * @param style    colours or plain text
 * @param progress show a live progress line (only sensible on a terminal)
 */
public record ConsoleOptions(boolean verbose, ConsoleStyle style, boolean progress) {
    public static final ConsoleOptions PLAIN = new ConsoleOptions(false, ConsoleStyle.PLAIN, false);
}
