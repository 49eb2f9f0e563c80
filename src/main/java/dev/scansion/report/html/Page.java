package dev.scansion.report.html;

import dev.scansion.result.ScriptResult.ScriptStatus;

/** What every page shares: the head (the stylesheet beside the pages, no inline style or script) and status words. */
final class Page {
    static final String GENERATOR = "scansion";

    private Page() {
    }

    /** Opens a page; {@code css} is the stylesheet's relative path. */
    static void open(StringBuilder sb, String title, String css) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\">\n")
                // nothing here needs a script: refuse any, even one a stanza might smuggle past escaping
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; object-src 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.shortLine(title, 120)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(css).append("\">\n</head>\n<body>\n");
    }

    static void close(StringBuilder sb) {
        sb.append("</body>\n</html>\n");
    }

    /** The class and the word a status is shown with. */
    static String cls(ScriptStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String word(ScriptStatus s) {
        return switch (s) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR -> "error";
            case SKIPPED -> "skip";
            case INTERRUPTED -> "interrupted";
        };
    }
}
