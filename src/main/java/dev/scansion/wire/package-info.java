/** The XMPP stream below stanzas, without Smack: namespaces and stream errors (RFC 6120 §4). */
package dev.scansion.wire;
