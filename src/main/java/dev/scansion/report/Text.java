package dev.scansion.report;

/** Small wording helpers for reports (printing rules are in {@code dev.scansion.text}). */
final class Text {
    private Text() {
    }

    /** {@code 1 error}, {@code 2 errors}. */
    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
