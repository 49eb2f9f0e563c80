package dev.scansion.bench;

/** Typical stanzas, as a script expects them and as Prosody sends them. */
final class Stanzas {
    private Stanzas() {
    }

    static final String MUC_EXPECTED = """
            <presence from='room@conference.localhost/Romeo'>
            	<x xmlns='http://jabber.org/protocol/muc#user'>
            		<status code='201'/>
            		<item jid="${Romeo's full JID}" affiliation='owner' role='moderator'/>
            		<status code='110'/>
            	</x>
            </presence>""";

    static final String MUC_RECEIVED = "<presence from='room@conference.localhost/Romeo' to='romeo@localhost/balcony' "
            + "xml:lang='en'><x xmlns='http://jabber.org/protocol/muc#user'><status code='201'/>"
            + "<item jid='romeo@localhost/balcony' role='moderator' affiliation='owner'/><status code='110'/></x>"
            + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://prosody.im' ver='abc='/></presence>";

    static final String MUC_WRONG_ROLE = MUC_RECEIVED.replace("role='moderator'", "role='participant'");

    static final String PUBSUB_EXPECTED = """
            <iq type='result' id='items1' from='pubsub.localhost'>
            	<pubsub xmlns='http://jabber.org/protocol/pubsub'>
            		<items node='princely_musings'>
            			<item id='ae890ac52d0df67ed7cfdf51b644e901'>
            				<entry xmlns='http://www.w3.org/2005/Atom'>
            					<title>Soliloquy</title>
            					<summary>To be, or not to be: that is the question</summary>
            					<published>2003-12-13T18:30:02Z</published>
            				</entry>
            			</item>
            			<item id='{scansion:capture:second}'>
            				<entry xmlns='http://www.w3.org/2005/Atom'>
            					<title>Another</title>
            					<summary>Whether &apos;tis nobler in the mind to suffer</summary>
            					<published>2003-12-13T18:31:02Z</published>
            				</entry>
            			</item>
            		</items>
            	</pubsub>
            </iq>""";

    static final String PUBSUB_RECEIVED = "<iq type='result' id='items1' from='pubsub.localhost' to='romeo@localhost/balcony'>"
            + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='princely_musings'>"
            + "<item id='ae890ac52d0df67ed7cfdf51b644e901'><entry xmlns='http://www.w3.org/2005/Atom'>"
            + "<title>Soliloquy</title><summary>To be, or not to be: that is the question</summary>"
            + "<published>2003-12-13T18:30:02Z</published></entry></item>"
            + "<item id='4e30f35051b7b8b42abe083742187228'><entry xmlns='http://www.w3.org/2005/Atom'>"
            + "<title>Another</title><summary>Whether &apos;tis nobler in the mind to suffer</summary>"
            + "<published>2003-12-13T18:31:02Z</published></entry></item></items></pubsub></iq>";

    private static final String[] FEATURES = features();

    private static String[] features() {
        String[] f = new String[40];
        String[] known = {"http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
            "http://jabber.org/protocol/muc", "http://jabber.org/protocol/muc#stable_id", "http://jabber.org/protocol/muc#self-ping-optimization",
            "jabber:iq:register", "muc_persistent", "muc_open", "muc_unmoderated", "muc_public", "muc_semianonymous",
            "muc_unsecured", "urn:xmpp:mam:2", "urn:xmpp:mam:2#extended", "urn:xmpp:sid:0", "vcard-temp", "urn:xmpp:occupant-id:0"};
        for (int i = 0; i < 40; i++) f[i] = i < known.length ? known[i] : "urn:example:feature:" + i;
        return f;
    }

    static String discoExpected(boolean anyOrder) {
        StringBuilder sb = new StringBuilder("<iq type='result' id='disco1' from='room@conference.localhost'>\n");
        sb.append("\t<query xmlns='http://jabber.org/protocol/disco#info'").append(anyOrder ? " scansion:strict='false'" : "").append(">\n");
        sb.append("\t\t<identity category='conference' type='text' name='room'/>\n");
        for (String f : FEATURES) sb.append("\t\t<feature var='").append(f).append("'/>\n");
        return sb.append("\t</query>\n</iq>").toString();
    }

    static String discoReceived(boolean reversed, boolean missingOne) {
        StringBuilder sb = new StringBuilder("<iq type='result' id='disco1' from='room@conference.localhost' to='romeo@localhost/balcony'>");
        sb.append("<query xmlns='http://jabber.org/protocol/disco#info'><identity category='conference' type='text' name='room'/>");
        for (int k = 0; k < FEATURES.length; k++) {
            int i = reversed ? FEATURES.length - 1 - k : k;
            if (missingOne && i == 20) continue;
            sb.append("<feature var='").append(FEATURES[i]).append("'/>");
        }
        return sb.append("</query></iq>").toString();
    }

    static final String DISCO_RECEIVED = discoReceived(false, false);
    static final String DISCO_RECEIVED_REVERSED = discoReceived(true, false);
    static final String DISCO_RECEIVED_MISSING_ONE = discoReceived(false, true);
}
