package dev.scansion.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Tag;
import dev.scansion.text.Printable;

/**
 * The part of a script before the separator: the header comments (title, description, tags) and
 * the actor definitions with their properties.
 */
final class DefinitionReader {
    private static final Set<String> KNOWN = Set.of(Actor.JID, Actor.PASSWORD, Actor.RESOURCE, Actor.CONNECT_HOST,
            Actor.CONNECT_PORT, Actor.CONNECT_TLS);
    private static final List<String> KNOWN_ORDERED = List.of(Actor.JID, Actor.PASSWORD, Actor.RESOURCE,
            Actor.CONNECT_HOST, Actor.CONNECT_PORT, Actor.CONNECT_TLS);
    private static final Pattern DEFINITION = Pattern.compile("\\[([^\\]]*)]\\s*(.*?)\\s*");
    private static final Pattern PROPERTY = Pattern.compile("\\s+([A-Za-z_][\\w.-]*)\\s*:\\s?(.*?)\\s*");

    private final SourceText src;
    private final Diagnostics diagnostics;
    private final ParseOptions options;
    private final EnvironmentValues environment;

    String title = "";
    final List<String> description = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    final List<Actor> actors = new ArrayList<>();
    private final Map<String, Integer> actorLines = new LinkedHashMap<>();

    /** The actor being defined. */
    private String currentClass;
    private String currentName;
    private int currentLine;
    private Map<String, Actor.Property> currentProps;
    /** The definition had an error: absorb its property lines quietly, but do not keep it. */
    private boolean discard;
    /** A property line of this definition could not be read: a missing jid may be its cascade. */
    private boolean malformed;

    DefinitionReader(SourceText src, Diagnostics diagnostics, ParseOptions options) {
        this.src = src;
        this.diagnostics = diagnostics;
        this.options = options;
        this.environment = new EnvironmentValues(diagnostics, options);
    }

    /** Reads the header from line 1; returns the first line after it. */
    int readHeader() {
        int n = 1;
        for (; n <= src.lineCount(); n++) {
            String line = src.line(n);
            if (line.isBlank()) continue;
            if (!SourceText.isComment(line)) break;
            String t = line.strip();
            if (t.startsWith("##") && !t.startsWith("###")) tag(n, line);
            else if (t.startsWith("#") && !t.startsWith("##")) headerText(t.substring(1));
        }
        while (!description.isEmpty() && description.get(description.size() - 1).isEmpty()) {
            description.remove(description.size() - 1);
        }
        return n;
    }

    /**
     * The title and description are only ever shown (console, reports, test names in an IDE): kept
     * printable here, at the source, so that an ESC or BEL in a header never reaches a terminal.
     */
    private void headerText(String text) {
        String t = Printable.line(text.startsWith(" ") ? text.substring(1).stripTrailing() : text.stripTrailing());
        if (title.isEmpty() && description.isEmpty()) {
            title = t.strip();
        } else if (!(description.isEmpty() && t.isBlank())) {
            description.add(t);
        }
    }

    private void tag(int n, String line) {
        String body = line.strip().substring(2).strip();
        if (body.isEmpty()) return;
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon).strip();
        String value = colon < 0 ? null : body.substring(colon + 1).strip();
        if (name.isEmpty()) return;
        tags.add(new Tag(name, value == null || value.isEmpty() ? null : value,
                SourceSpan.of(src.file(), n, SourceText.firstColumn(line))));
    }

    /** A non-indented line starting with '['. */
    void definition(int n, String line) {
        finishActor();
        Matcher m = DEFINITION.matcher(line);
        if (!m.matches()) {
            diagnostics.error(n, 1, line.strip().length(), "malformed actor definition", "expected '[Client] Name'");
            return;
        }
        String cls = m.group(1).strip();
        String name = m.group(2);
        if (!cls.equalsIgnoreCase("Client")) {
            diagnostics.error(n, 2, Math.max(1, m.group(1).length()), "unknown actor class '" + Diagnostics.quoted(cls) + "'",
                    "only [Client] is supported");
        }
        Integer first = actorLines.get(name);
        discard = name.isEmpty() || first != null;
        if (name.isEmpty()) {
            diagnostics.error(n, 1, line.strip().length(), "missing actor name", "expected '[Client] Name'");
        } else if (first != null) {
            diagnostics.error(n, SourceText.codePointColumn(line, m.start(2)), name.length(), "duplicate actor '" + Diagnostics.quoted(name) + "'",
                    "already defined at line " + first);
        } else {
            actorLines.put(name, n);
        }
        malformed = false;
        currentClass = cls;
        currentName = name;
        currentLine = n;
        currentProps = new LinkedHashMap<>();
    }

    /** An indented, non-comment line before the separator. */
    void property(int n, String line) {
        int col = SourceText.firstColumn(line);
        if (currentName == null) {
            diagnostics.error(n, col, line.strip().length(), "property line outside an actor definition",
                    "properties go on indented lines right under '[Client] Name'");
            return;
        }
        Matcher m = PROPERTY.matcher(line);
        if (!m.matches()) {
            diagnostics.error(n, col, line.strip().length(), "malformed property line", "expected 'key: value'");
            malformed = true;
            return;
        }
        String key = m.group(1);
        String written = m.group(2);
        Actor.Property old = currentProps.get(key);
        if (discard) return;
        if (old != null) {
            diagnostics.error(n, col, key.length(), "duplicate property '" + Diagnostics.quoted(key) + "'",
                    "already set at line " + old.span().line());
            return;
        }
        if (!KNOWN.contains(key)) {
            diagnostics.add(options.unknownProperty(), n, col, key.length(), "unknown property '" + Diagnostics.quoted(key) + "'",
                    Names.suggestion(key, KNOWN_ORDERED, "known: jid, password, resource, connect_host, connect_port, connect_tls"));
        }
        String value = environment.resolve(written, n, line, m.start(2));
        currentProps.put(key, new Actor.Property(key, value, SourceSpan.of(src.file(), n, col), written));
        // a value from the environment is not quoted back in a message: it may be secret
        if (!written.contains("${env:")) checkValue(n, key, value, m.start(2) + 1);
    }

    private void checkValue(int n, String key, String value, int col) {
        if (key.equals(Actor.CONNECT_PORT)) {
            int port = -1;
            try {
                port = value.matches("\\d{1,5}") ? Integer.parseInt(value) : -1;
            } catch (NumberFormatException ignored) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                diagnostics.error(n, col, Math.max(1, value.length()), "bad connect_port '" + Diagnostics.quoted(value) + "'",
                        "expected a port number from 1 to 65535");
            }
        } else if (key.equals(Actor.CONNECT_TLS) && !value.equals("direct") && !value.equals("starttls")) {
            diagnostics.error(n, col, Math.max(1, value.length()), "bad connect_tls '" + Diagnostics.quoted(value) + "'",
                    "expected direct (TLS from the first byte) or starttls");
        } else if (key.equals(Actor.JID)) {
            if (value.isEmpty() || value.matches(".*\\s.*") || value.startsWith("@") || value.startsWith("/")
                    || value.endsWith("@") || value.contains("@/")) {
                diagnostics.error(n, col, Math.max(1, value.length()), "bad jid '" + Diagnostics.quoted(value) + "'",
                        "expected user@host or user@host/resource");
            }
        }
    }

    /** Closes the actor being defined: checks it and adds it to the list. */
    void finishActor() {
        if (currentName == null) return;
        if (discard) {
            currentName = null;
            return;
        }
        if (!currentProps.containsKey(Actor.JID) && !malformed) {
            diagnostics.error(currentLine, 1, src.line(currentLine).strip().length(),
                    "actor '" + Diagnostics.quoted(currentName) + "' has no jid", "add an indented 'jid: user@host' line");
        }
        actors.add(new Actor(currentClass, currentName, currentProps, SourceSpan.of(src.file(), currentLine, 1)));
        currentName = null;
    }

    /** Any other line before the separator ends the current definition. */
    void endDefinition() {
        finishActor();
    }

    boolean defining() {
        return currentName != null;
    }
}
