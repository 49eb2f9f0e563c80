/**
 * The recording proxy ({@code scansion record}): an authenticating front that real clients connect
 * to, which logs in upstream with their credentials through {@code exec}'s sessions, relays their
 * stanzas both ways and records them as an {@link dev.scansion.author.Conversation}.
 */
package dev.scansion.recorder;
