package dev.scansion.author;

import java.util.List;
import java.util.Optional;

/**
 * The one table of values a server mints, which differ between two runs against the same server and
 * so cannot be expected literally. {@link Values} (one value, for the accept mode) and
 * {@link Generaliser} (a whole conversation) both read it. Each rule names the element by Clark name
 * ({@code {namespace}local}, {@code *} for any local name), the attribute (or the element's text),
 * whether a value a client sent earlier is exempt (then the server only echoes it), and the short
 * name a capture of it takes when a client sends the value back.
 */
final class VolatileRules {
    private VolatileRules() {
    }

    /**
     * @param element    Clark name of the element holding the value; local name {@code *} for any
     * @param attribute  the attribute's local name (unprefixed attributes only), or null for the text
     * @param unlessSent the value is exempt when a client sent it earlier (the server echoes it)
     * @param capture    the base name of a capture of this value
     * @param why        why the value differs between runs
     */
    record Rule(String element, String attribute, boolean unlessSent, String capture, String why) {
        boolean matches(String clark, String attr) {
            if (attribute == null ? attr != null : !attribute.equals(attr)) return false;
            if (element.endsWith("}*")) return clark.startsWith(element.substring(0, element.length() - 1));
            return element.equals(clark);
        }
    }

    private static final String CLIENT = "{jabber:client}";
    private static final String PUBSUB = "{http://jabber.org/protocol/pubsub}";
    private static final String EVENT = "{http://jabber.org/protocol/pubsub#event}";
    private static final String RSM = "{http://jabber.org/protocol/rsm}";
    private static final String UPLOAD = "{urn:xmpp:http:upload:0}";

    static final List<Rule> RULES = List.of(
            // Stanzas the server originates (roster pushes, MUC and pubsub notifications, pings, MAM
            // results) carry ids it generates; an id a client chose (an iq result, a relayed message,
            // XEP-0359 origin-id's owner) comes back as that client sent it, and stays.
            new Rule(CLIENT + "*", "id", true, "id", "ids of stanzas the server originates are generated"),
            new Rule("{urn:xmpp:sid:0}stanza-id", "id", false, "stanza-id", "XEP-0359: the archive's id for a stanza"),
            new Rule("{urn:xmpp:mam:tmp}archived", "id", false, "stanza-id",
                    "XEP-0313 0.2 (ejabberd still adds it): the archive's id for a stanza"),
            new Rule("{urn:xmpp:mam:2}result", "id", false, "mam-id", "XEP-0313: archive ids of the results"),
            new Rule("{urn:xmpp:mam:1}result", "id", false, "mam-id", "XEP-0313 (older namespace)"),
            new Rule("{urn:xmpp:mam:2}result", "queryid", true, "queryid", "a query id the server chose"),
            new Rule("{urn:xmpp:mam:2}start", "id", false, "mam-id", "XEP-0313 metadata: first archived id"),
            new Rule("{urn:xmpp:mam:2}start", "timestamp", false, "timestamp", "XEP-0313 metadata: a time"),
            new Rule("{urn:xmpp:mam:2}end", "id", false, "mam-id", "XEP-0313 metadata: last archived id"),
            new Rule("{urn:xmpp:mam:2}end", "timestamp", false, "timestamp", "XEP-0313 metadata: a time"),
            // RSM's first/last are archive ids as text: not capturable (captures are attribute-only)
            new Rule(RSM + "first", null, false, "first", "XEP-0059: ids of the page's first item"),
            new Rule(RSM + "last", null, false, "last", "XEP-0059: ids of the page's last item"),
            new Rule("{urn:xmpp:delay}delay", "stamp", false, "stamp", "XEP-0203: the time the server stored it"),
            new Rule("{jabber:x:delay}x", "stamp", false, "stamp", "XEP-0091: legacy delay, a time"),
            new Rule("{urn:xmpp:time}utc", null, false, "utc", "XEP-0202: the server's clock"),
            new Rule("{urn:xmpp:time}tzo", null, false, "tzo", "XEP-0202: the server's time zone"),
            new Rule("{jabber:iq:last}query", "seconds", false, "seconds", "XEP-0012: seconds since, a clock"),
            new Rule("{urn:xmpp:occupant-id:0}occupant-id", "id", false, "occupant-id",
                    "XEP-0421: a hash salted per room or server"),
            new Rule(PUBSUB + "item", "id", true, "item-id", "XEP-0060: an item id the service assigned"),
            new Rule(EVENT + "item", "id", true, "item-id", "XEP-0060: an item id the service assigned"),
            new Rule(EVENT + "retract", "id", true, "item-id", "XEP-0060: an item id the service assigned"),
            new Rule(PUBSUB + "subscription", "subid", false, "subid", "XEP-0060: a subscription id the service chose"),
            new Rule(PUBSUB + "create", "node", true, "node", "XEP-0060: an instant node's name the service chose"),
            new Rule("{jabber:iq:roster}query", "ver", false, "roster-ver",
                    "RFC 6121 roster versioning: a counter of the account's roster changes"),
            new Rule(UPLOAD + "put", "url", false, "put-url", "XEP-0363: a fresh upload slot per request"),
            new Rule(UPLOAD + "get", "url", false, "get-url", "XEP-0363: a fresh upload slot per request"),
            new Rule(UPLOAD + "header", null, false, "header", "XEP-0363: slot authorisation tokens"),
            new Rule("{http://jabber.org/protocol/caps}c", "ver", true, "ver",
                    "XEP-0115: a hash over the features, which change with the server's modules"));

    /**
     * Elements whose children are a set: the server lists them in an order of its own (Prosody's
     * disco#info features come out of a hash table and change order between two runs). A strict
     * element pairs children in order, so these are written {@code scansion:strict="false"}: each
     * expected child is found among the received ones in any order.
     */
    static final java.util.Set<String> UNORDERED = java.util.Set.of(
            "{http://jabber.org/protocol/disco#info}query",
            "{http://jabber.org/protocol/disco#items}query",
            "{jabber:iq:roster}query",
            "{http://jabber.org/protocol/muc#user}x",
            "{urn:xmpp:blocking}blocklist",
            "{http://jabber.org/protocol/pubsub#event}items",
            "{http://jabber.org/protocol/pubsub}items",
            // lists an owner or admin asks for: affiliations, subscriptions, a room's members
            "{http://jabber.org/protocol/muc#admin}query",
            "{http://jabber.org/protocol/pubsub}affiliations",
            "{http://jabber.org/protocol/pubsub}subscriptions",
            "{http://jabber.org/protocol/pubsub#owner}affiliations",
            "{http://jabber.org/protocol/pubsub#owner}subscriptions",
            // RSM's <first>/<last>/<count>, a form's fields and a multi-valued field's <value>s
            // (Prosody's MUC room info and configuration list them from hash tables)
            "{http://jabber.org/protocol/rsm}set",
            "{jabber:x:data}field",
            "{jabber:x:data}x");

    /** Whether the order of this element's children is the server's own choice (see {@link #UNORDERED}). */
    static boolean unordered(String clark) {
        return UNORDERED.contains(clark);
    }

    /** The rule for an attribute of the element at the end of {@code elementPath}, if one applies. */
    static Optional<Rule> attribute(List<String> elementPath, String namespace, String localName) {
        if (!namespace.isEmpty() || elementPath.isEmpty()) return Optional.empty();
        String clark = elementPath.get(elementPath.size() - 1);
        return RULES.stream().filter(r -> r.matches(clark, localName)).findFirst();
    }

    /** The rule for the text of the element at the end of {@code elementPath}, if one applies. */
    static Optional<Rule> text(List<String> elementPath) {
        if (elementPath.isEmpty()) return Optional.empty();
        String clark = elementPath.get(elementPath.size() - 1);
        return RULES.stream().filter(r -> r.matches(clark, null)).findFirst();
    }
}
