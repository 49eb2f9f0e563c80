/** The XMPP stream below stanzas, without Smack: namespaces, stream errors (RFC 6120 §4) and the splitter that cuts a stream into its top-level elements. */
package dev.scansion.wire;
