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

    /** The line with the value masked when it is a property line with a secret-looking key. */
    static String mask(String line) {
        Matcher m = SECRET_PROPERTY.matcher(line);
        if (!m.matches()) return line;
        String key = m.group(1).strip();
        key = key.substring(0, key.length() - 1).strip();
        return isSecretKey(key) ? m.group(1) + MASK : line;
    }
}
