/** Runs scripts: actor sessions (the only package that imports Smack), inbound buffers, timeouts, results. */
package dev.scansion.exec;
