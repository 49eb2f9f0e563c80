package dev.scansion.author;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the plain-text form of a recorded conversation the golden test uses
 * ({@code src/test/resources/generaliser/*.conv}):
 *
 * <pre>
 * # a comment
 * title: MUC join
 * password-env: XMPP_PASSWORD
 * connection romeo@localhost password=s3cret resource=balcony bound=romeo@localhost/balcony
 * connection juliet@localhost password=s3cret bound=juliet@localhost/8f2a1c9d
 * connects 0
 * sends 0: &lt;presence/&gt;
 * receives 0: &lt;presence from='romeo@localhost/balcony'/&gt;
 *     a line starting with whitespace continues the XML of the line above
 * disconnects 0
 * </pre>
 *
 * Connections are numbered in the order they are listed; no {@code resource=} means the server
 * assigned one.
 */
record ConversationFile(String title, Optional<String> passwordEnv, Conversation conversation) {

    static ConversationFile parse(String text) {
        String title = "";
        Optional<String> env = Optional.empty();
        List<Conversation.Connection> connections = new ArrayList<>();
        List<String[]> events = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (Character.isWhitespace(line.charAt(0))) {
                String[] last = events.get(events.size() - 1);
                last[2] = last[2] + "\n" + line;
            } else if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.startsWith("password-env:")) {
                env = Optional.of(line.substring(13).strip());
            } else if (line.startsWith("connection ")) {
                connections.add(connection(connections.size(), line.substring(11).strip().split("\\s+")));
            } else {
                int colon = line.indexOf(": ");
                String head = colon < 0 ? line.strip() : line.substring(0, colon);
                String[] verbAndId = head.split(" ");
                events.add(new String[] {verbAndId[0], verbAndId[1], colon < 0 ? "" : line.substring(colon + 2)});
            }
        }
        List<Conversation.Event> list = new ArrayList<>();
        for (String[] e : events) list.add(event(e[0], Integer.parseInt(e[1]), e[2]));
        return new ConversationFile(title, env, new Conversation(connections, list));
    }

    private static Conversation.Connection connection(int id, String[] words) {
        String password = "";
        Optional<String> resource = Optional.empty();
        String bound = null;
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            switch (kv[0]) {
                case "password" -> password = kv[1];
                case "resource" -> resource = Optional.of(kv[1]);
                case "bound" -> bound = kv[1];
                default -> throw new IllegalArgumentException("unknown connection key " + kv[0]);
            }
        }
        if (bound == null) throw new IllegalArgumentException("connection " + id + " has no bound=");
        return new Conversation.Connection(id, words[0], password, resource, bound);
    }

    private static Conversation.Event event(String verb, int connection, String xml) {
        return switch (verb) {
            case "connects" -> new Conversation.Connected(connection);
            case "disconnects" -> new Conversation.Disconnected(connection);
            case "sends" -> new Conversation.Sent(connection, xml);
            case "receives" -> new Conversation.Received(connection, xml);
            default -> throw new IllegalArgumentException("unknown event " + verb);
        };
    }

    Generaliser.Options options() {
        return new Generaliser.Options(title, passwordEnv, java.util.Set.of());
    }
}
