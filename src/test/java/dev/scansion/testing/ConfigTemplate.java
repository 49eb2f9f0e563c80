package dev.scansion.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server configuration file from src/test/resources/servers/, with {{NAME}} placeholders filled in. */
final class ConfigTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private ConfigTemplate() {
    }

    static String render(String resource, Map<String, String> values) throws IOException {
        String text = load(resource);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException(resource + ": no value for {{" + m.group(1) + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String load(String resource) throws IOException {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("template " + resource + " is not on the classpath (src/test/resources)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
