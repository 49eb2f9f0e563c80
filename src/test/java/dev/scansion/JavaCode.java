package dev.scansion;

/** Java source with comments, string and character literals and text blocks blanked out (for source scans). */
final class JavaCode {
    private JavaCode() {
    }

    /** {@code source} with every comment and literal replaced by spaces; line breaks are kept. */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                end = closing(source, i + 1, String.valueOf(c));
            } else {
                out.append(c);
                i++;
                continue;
            }
            for (int k = i; k < end; k++) out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            i = end;
        }
        return out.toString();
    }

    /** The index just after the unescaped {@code quote} that closes a literal whose body starts at {@code from}. */
    private static int closing(String s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            }
        }
        return s.length();
    }
}
