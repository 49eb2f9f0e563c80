package dev.scansion.cli;

/** Facts about the console the command runs in. */
final class Terminal {
    private Terminal() {
    }

    /** Standard output is a terminal (not a pipe or file). */
    static boolean isInteractive() {
        return System.console() != null;
    }

    /** The NO_COLOR convention (https://no-color.org) and dumb terminals. */
    static boolean colourAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }
}
