package dev.scansion.exec;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Global Smack settings that must be in place before any Smack class initialises: Smack reads its
 * disabled-class list once, in its static initialiser, and the Roster would otherwise fetch the
 * roster at login and answer subscription requests on its own.
 */
final class SmackSetup {
    private static final String DISABLED = "org.jivesoftware.smack.roster.Roster,org.jivesoftware.smack.ReconnectionManager";
    /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
    private static final Logger SMACK_LOGGER = Logger.getLogger("org.jivesoftware");
    private static final Logger JXMPP_LOGGER = Logger.getLogger("org.jxmpp");

    static {
        String existing = System.getProperty("smack.disabledClasses");
        System.setProperty("smack.disabledClasses", existing == null || existing.isBlank() ? DISABLED
                : existing + "," + DISABLED);
        // Smack logs connection problems at WARNING on stderr; the runner reports them itself.
        SMACK_LOGGER.setLevel(Level.OFF);
        JXMPP_LOGGER.setLevel(Level.OFF);
        org.jivesoftware.smack.SmackConfiguration.addDisabledSmackClasses(DISABLED.split(","));
        org.jivesoftware.smack.SmackConfiguration.setUnknownIqRequestReplyMode(
                org.jivesoftware.smack.SmackConfiguration.UnknownIqRequestReplyMode.doNotReply);
        org.jivesoftware.smack.tcp.XMPPTCPConnection.setUseStreamManagementDefault(false);
        org.jivesoftware.smack.tcp.XMPPTCPConnection.setUseStreamManagementResumptionDefault(false);
    }

    private SmackSetup() {
    }

    /** Runs the static initialiser once; call before touching any other Smack class. */
    static void init() {
        // The work happens in the static initialiser.
    }
}
