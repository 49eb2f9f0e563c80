package dev.scansion.script;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.text.Printable;

/**
 * Keeps passwords out of everything the runner prints or writes. Applied at the source — where
 * stanzas, source lines and values enter the result model, the {@code -v} trace and diagnostics —
 * so that every reporter is covered by construction.
 *
 * <p>The rule (language doc, "Secrets in output"):
 * <ul>
 *   <li>Only data is masked: character data, attribute values and comments of XML, the value of a
 *       script property, a plain value (a difference's expected or received value). Element and
 *       attribute names, namespace declarations and the runner's own words are never touched.</li>
 *   <li>In XML, a secret is found in its raw and in any XML-escaped form ({@code &amp;},
 *       {@code &#38;}, ...): the whole escaped span is replaced.</li>
 *   <li>A secret of {@value #SHORT} characters or fewer is masked only where it is a whole value (an
 *       attribute value, the text of an element, a property value, trimmed): masking every {@code e}
 *       would destroy the report. A longer one is masked wherever it occurs inside data.</li>
 * </ul>
 * A password that is also ordinary data of the conversation (say {@code localhost}) is masked there
 * too: choose test passwords that occur nowhere else.
 *
 * <p>An isolated run ({@code isolate.Isolator}) also gives data back the script's own names here,
 * before masking ({@link #restoring}): what enters the results is shown as the script wrote it.
 */
public final class SecretMask {
    public static final SecretMask NONE = new SecretMask(List.of());
    public static final String MASK = Secrets.MASK;
    /** Secrets up to this length are masked as whole values only. */
    public static final int SHORT = 3;

    /** Longest first, so a secret containing another one is masked whole. */
    private final List<String> secrets;
    /** Applied to data before masking: gives an isolated run's names back; null when there is none. */
    private final UnaryOperator<String> restore;

    private SecretMask(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.restore = null;
    }

    private SecretMask(List<String> secrets, UnaryOperator<String> restore) {
        this.secrets = secrets;
        this.restore = restore;
    }

    /**
     * This mask, giving data its original names first ({@code restore}, say {@code Isolation::restore})
     * in every method; masking comes last, so that nothing restored can bring a secret back.
     */
    public SecretMask restoring(UnaryOperator<String> restore) {
        return new SecretMask(secrets, java.util.Objects.requireNonNull(restore));
    }

    private String restored(String s) {
        return restore == null || s == null || s.isEmpty() ? s : restore.apply(s);
    }

    public static SecretMask of(Collection<String> secrets) {
        return secrets.isEmpty() ? NONE : new SecretMask(secrets);
    }

    /** Every actor's password, and the value of any property whose key looks secret (token, secret...). */
    public static SecretMask forScript(Script script) {
        List<String> found = new ArrayList<>();
        for (Actor a : script.actors()) {
            for (Map.Entry<String, Actor.Property> p : a.properties().entrySet()) {
                if (Secrets.isSecretKey(p.getKey())) found.add(p.getValue().value());
            }
        }
        return of(found);
    }

    /** Whether this mask changes nothing (no secrets, nothing to restore). */
    public boolean isEmpty() {
        return secrets.isEmpty() && restore == null;
    }

    /** Raw XML (a stanza, a fragment, a line of the stream): secrets in its data masked. */
    public String xml(String raw) {
        return maskXml(restored(raw));
    }

    private String maskXml(String raw) {
        if (secrets.isEmpty() || raw == null || raw.isEmpty()) return raw;
        List<int[]> ranges = new ArrayList<>();
        new XmlData(raw, (from, to) -> find(raw, from, to, ranges)).scan();
        return replace(raw, ranges);
    }

    /** One plain value (not XML): masked whole when it is a secret, long secrets also inside it. */
    public String value(String value) {
        value = restored(value);
        if (secrets.isEmpty() || value == null || value.isEmpty()) return value;
        List<int[]> ranges = new ArrayList<>();
        findPlain(value, 0, value.length(), ranges);
        return replace(value, ranges);
    }

    /**
     * Words of the runner that embed data (a server's error text, a JID, an exception message):
     * only secrets longer than {@value #SHORT} characters are masked, since a short one would hit the
     * runner's own words.
     */
    public String prose(String text) {
        text = restored(text);
        if (secrets.isEmpty() || text == null || text.isEmpty()) return text;
        List<int[]> ranges = new ArrayList<>();
        for (String secret : secrets) {
            if (secret.length() <= SHORT) continue;
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length())) {
                addRange(ranges, at, at + secret.length());
            }
        }
        return replace(text, ranges);
    }

    /**
     * A line of a script: the value of a property line whose key looks secret is masked whole; in
     * the rest of the line (payload XML, a property's value) secrets are masked as in {@link #xml}.
     */
    public String sourceLine(String line) {
        if (line == null || line.isEmpty()) return line;
        String keyed = Secrets.mask(line);
        if (secrets.isEmpty()) return keyed;
        int colon = Secrets.propertyValueStart(keyed);
        if (colon > 0 && !keyed.stripLeading().startsWith("<")) {
            return keyed.substring(0, colon) + value(keyed.substring(colon));
        }
        return xml(keyed);
    }

    /**
     * At most {@code max} characters of {@code raw}, masked, followed by {@code "… (N bytes)"} when it
     * was longer (N the size of the whole). Only the kept part and a margin are masked, so a huge
     * stanza costs no more than a small one; a secret that crosses the cut is masked whole first.
     */
    public String xmlCut(String raw, int max) {
        // Restoring is a plain replace: linear and cheap even for a stanza of the largest size kept.
        raw = restored(raw);
        if (raw == null || raw.length() <= max) return maskXml(raw);
        int margin = secrets.isEmpty() ? 0 : secrets.get(0).length() * 10;
        String head = maskXml(raw.substring(0, (int) Math.min(raw.length(), (long) max + margin)));
        return Printable.cut(head, max, Printable.utf8Length(raw));
    }

    /** Secrets inside {@code raw[from, to)}, a data segment that may hold entity references. */
    private void find(String raw, int from, int to, List<int[]> ranges) {
        int amp = raw.indexOf('&', from);
        if (amp < 0 || amp >= to) {
            findPlain(raw, from, to, ranges);
            return;
        }
        Decoded d = Decoded.of(raw, from, to);
        String text = d.text.toString();
        for (String secret : secrets) {
            if (secret.length() <= SHORT) {
                String trimmed = text.strip();
                if (!trimmed.equals(secret)) continue;
                int start = text.indexOf(trimmed);
                addRange(ranges, d.rawStart(start), d.rawEnd(start + trimmed.length() - 1));
            } else {
                for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + secret.length())) {
                    addRange(ranges, d.rawStart(at), d.rawEnd(at + secret.length() - 1));
                }
            }
        }
    }

    private void findPlain(String text, int from, int to, List<int[]> ranges) {
        String part = text.substring(from, to);
        for (String secret : secrets) {
            if (secret.length() <= SHORT) {
                String trimmed = part.strip();
                if (trimmed.equals(secret)) {
                    int start = from + part.indexOf(trimmed);
                    addRange(ranges, start, start + trimmed.length());
                }
            } else {
                for (int at = part.indexOf(secret); at >= 0; at = part.indexOf(secret, at + secret.length())) {
                    addRange(ranges, from + at, from + at + secret.length());
                }
            }
        }
    }

    /** Adds {@code [from, to)} unless it overlaps a range already taken (a longer secret came first). */
    private static void addRange(List<int[]> ranges, int from, int to) {
        for (int[] r : ranges) {
            if (from < r[1] && r[0] < to) return;
        }
        ranges.add(new int[] {from, to});
    }

    private static String replace(String s, List<int[]> ranges) {
        if (ranges.isEmpty()) return s;
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        StringBuilder sb = new StringBuilder(s.length());
        int at = 0;
        for (int[] r : ranges) {
            sb.append(s, at, r[0]).append(MASK);
            at = r[1];
        }
        return sb.append(s, at, s.length()).toString();
    }

    /** A data segment with its entity references decoded, remembering each character's raw span. */
    private record Decoded(StringBuilder text, int[] starts, int[] ends) {
        static Decoded of(String raw, int from, int to) {
            // decoding never makes text longer, so one slot per raw character is enough
            Decoded d = new Decoded(new StringBuilder(to - from), new int[to - from], new int[to - from]);
            int i = from;
            while (i < to) {
                char c = raw.charAt(i);
                int semi = c == '&' ? raw.indexOf(';', i) : -1;
                String decoded = semi > i && semi < to && semi - i <= 12 ? entity(raw.substring(i + 1, semi)) : null;
                int next = decoded == null ? i + 1 : semi + 1;
                String chars = decoded == null ? String.valueOf(c) : decoded;
                for (int k = 0; k < chars.length(); k++) {
                    d.starts[d.text.length()] = i;
                    d.ends[d.text.length()] = next;
                    d.text.append(chars.charAt(k));
                }
                i = next;
            }
            return d;
        }

        int rawStart(int index) {
            return starts[index];
        }

        int rawEnd(int index) {
            return ends[index];
        }

        private static String entity(String name) {
            switch (name) {
                case "amp": return "&";
                case "lt": return "<";
                case "gt": return ">";
                case "apos": return "'";
                case "quot": return "\"";
                default:
            }
            try {
                int cp;
                if (name.startsWith("#x") || name.startsWith("#X")) cp = Integer.parseInt(name.substring(2), 16);
                else if (name.startsWith("#")) cp = Integer.parseInt(name.substring(1));
                else return null;
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
