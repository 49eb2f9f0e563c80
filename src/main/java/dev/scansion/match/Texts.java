package dev.scansion.match;

/** XML whitespace helpers: only space, tab, CR and LF count (not every char below U+0020). */
final class Texts {
    private Texts() {
    }

    static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isXmlSpace(s.charAt(i))) return false;
        }
        return true;
    }

    static String strip(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && isXmlSpace(s.charAt(start))) start++;
        while (end > start && isXmlSpace(s.charAt(end - 1))) end--;
        return s.subSequence(start, end).toString();
    }
}
