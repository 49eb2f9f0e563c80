package dev.scansion.accept;

/**
 * How a script writes its payloads, read from the script itself so that what the editor adds
 * looks like the rest: the indentation of a payload's first line, one level of nesting, and the
 * quote character most attribute values use. A file without payloads gets a tab and double quotes.
 *
 * @param payloadIndent the indentation of a top-level payload element
 * @param unit          one more level of nesting
 * @param quote         {@code "} or {@code '}
 */
record FileStyle(String payloadIndent, String unit, char quote) {
    static FileStyle of(Source src) {
        String base = null;
        String unit = null;
        int doubles = 0;
        int singles = 0;
        boolean inPayload = false;
        for (int n = 1; n <= src.lines(); n++) {
            String line = src.line(n);
            if (line.isBlank() || src.isComment(n)) continue;
            String indent = src.indent(n);
            boolean markup = indent.length() < line.length() && line.charAt(indent.length()) == '<';
            if (indent.isEmpty()) {
                inPayload = line.contains("sends") || line.contains("receives");
                continue;
            }
            if (!inPayload || !markup) continue;
            if (base == null) base = indent;
            if (unit == null && indent.length() > base.length() && indent.startsWith(base)) {
                unit = indent.substring(base.length());
            }
            doubles += count(line, "=\"");
            singles += count(line, "='");
        }
        return new FileStyle(base == null ? "\t" : base, unit == null ? (base == null ? "\t" : base) : unit,
                singles > doubles ? '\'' : '"');
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
