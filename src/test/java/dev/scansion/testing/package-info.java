/** Test harness: starts real XMPP servers (Prosody, ejabberd) on loopback with our own configuration, for JUnit and for tools/with-server. */
package dev.scansion.testing;
