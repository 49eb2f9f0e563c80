/**
 * The accept mode ({@code scansion run --accept}): when a {@code receives} fails, its expectation is
 * rewritten only as much as needed for what arrived to match ({@link dev.scansion.accept.ExpectationEditor}),
 * every byte outside the edit kept; the rewritten scripts are written in place (atomically, refusing a
 * file changed since it was read) or as a unified diff. The executor asks through
 * {@link dev.scansion.exec.Acceptor}; {@link dev.scansion.accept.AcceptSession} answers.
 */
package dev.scansion.accept;
