package dev.scansion.accept;

/** XML escaping of values written into a payload (script syntax such as {@code ${...}} passes through). */
final class Escape {
    private Escape() {
    }

    static String attribute(String value, char quote) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '"' -> sb.append(quote == '"' ? "&quot;" : "\"");
                case '\'' -> sb.append(quote == '\'' ? "&apos;" : "'");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String text(String value) {
        // A line end would end the payload (the next line would not be indented): written as a reference.
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
                .replace("\n", "&#10;");
    }
}
