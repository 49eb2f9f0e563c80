package dev.scansion.script;

import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} in an actor property value (an extension: scripts kept in a repository need
 * not carry real passwords). Resolved while parsing, through {@link ParseOptions#environment()}; an
 * unset variable is a diagnostic at its {@code ${} of the severity {@link ParseOptions#unsetVariable()}
 * says. Messages name the variable, never its value.
 */
final class EnvironmentValues {
    private static final String OPEN = "${env:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Diagnostics diagnostics;
    private final ParseOptions options;

    EnvironmentValues(Diagnostics diagnostics, ParseOptions options) {
        this.diagnostics = diagnostics;
        this.options = options;
    }

    /**
     * {@code value} with every {@code ${env:NAME}} replaced by its variable; an unset one stays as
     * written (and is reported). {@code line} is line {@code n}, where the value starts at char
     * index {@code at}.
     */
    String resolve(String value, int n, String line, int at) {
        if (!value.contains(OPEN)) return value;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int open = value.indexOf(OPEN, i);
            if (open < 0) break;
            out.append(value, i, open);
            int column = SourceText.codePointColumn(line, at + open);
            int close = value.indexOf('}', open);
            if (close < 0) {
                diagnostics.error(n, column, OPEN.length(), "unterminated '${env:'", "expected ${env:NAME}");
                return value;
            }
            String name = value.substring(open + OPEN.length(), close);
            String written = value.substring(open, close + 1);
            i = close + 1;
            if (!NAME.matcher(name).matches()) {
                diagnostics.error(n, column, written.length(), "bad environment variable name '" + Diagnostics.quoted(name) + "'",
                        "a name is letters, digits and '_', not starting with a digit");
                out.append(written);
                continue;
            }
            String found = options.environment().apply(name);
            if (found == null) {
                unset(n, column, written.length(), name);
                out.append(written);
            } else {
                out.append(found);
            }
        }
        return out.append(value.substring(i)).toString();
    }

    private void unset(int n, int column, int length, String name) {
        boolean error = options.unsetVariable() == Diagnostic.Severity.ERROR;
        diagnostics.add(options.unsetVariable(), n, column, length,
                "environment variable '" + name + "' is not set",
                error ? "set it in the environment of 'scansion run'" : "'scansion run' will fail unless it is set");
    }
}
