package dev.scansion.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords never appear in output: a property line whose key looks secret (password, a
 * misspelling of it, a token...) is shown with its value masked.
 */
final class Secrets {
    private static final Pattern SECRET_PROPERTY =
            Pattern.compile("(\\s*[A-Za-z_][\\w.-]*\\s*:\\s*)(\\S.*)");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(pass|pasw|psw|pwd|secret|token|cred).*");
    static final String MASK = "******";

    private Secrets() {
    }

    static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /**
     * Where the value of a property line begins (just after the colon and its spaces), or -1 when
     * the line is not {@code key: value}.
     */
    static int propertyValueStart(String line) {
        Matcher m = SECRET_PROPERTY.matcher(line);
        return m.matches() ? m.start(2) : -1;
    }

    /**
     * The values of every {@code key: value} line with a secret-looking key, as written: what a
     * diagnostic must not show, even on another line, and even when the script does not parse.
     */
    static java.util.List<String> declared(SourceText src) {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (int n = 1; n <= src.lineCount(); n++) {
            Matcher m = SECRET_PROPERTY.matcher(src.line(n));
            if (!m.matches()) continue;
            String key = m.group(1).strip();
            key = key.substring(0, key.length() - 1).strip();
            if (isSecretKey(key)) found.add(m.group(2).strip());
        }
        return found;
    }

    /** The line with the value masked when it is a property line with a secret-looking key. */
    static String mask(String line) {
        Matcher m = SECRET_PROPERTY.matcher(line);
        if (!m.matches()) return line;
        String key = m.group(1).strip();
        key = key.substring(0, key.length() - 1).strip();
        return isSecretKey(key) ? m.group(1) + MASK : line;
    }
}
