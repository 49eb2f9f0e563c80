/**
 * Authoring: turning what clients and a server said to each other into a script in scansion's own
 * vocabulary. {@link dev.scansion.author.Conversation} is what a recorder saw (the recording proxy,
 * the interactive mode); {@link dev.scansion.author.Generaliser} writes it as a script that replays
 * (actors named, JIDs as variables, values the server mints as markers or captures);
 * {@link dev.scansion.author.Values} is the same rule for one value, for the accept mode.
 * Depends on the model and the matcher's reading of stanzas only: no network, no Smack.
 */
package dev.scansion.author;
