package dev.scansion.cli;

import java.util.Map;

/** Whether output may use ANSI colours: never with --no-color or NO_COLOR, only on a real terminal. */
final class Terminal {
    private Terminal() {
    }

    static boolean colour(boolean noColorOption) {
        return colour(noColorOption, System.getenv(), System.console() != null);
    }

    static boolean colour(boolean noColorOption, Map<String, String> env, boolean console) {
        if (noColorOption) return false;
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        if ("dumb".equals(env.get("TERM"))) return false;
        return console;
    }
}
