/** Reads {@code .scs} text into the {@link dev.scansion.script.ast} model, collecting diagnostics with file:line:column. */
package dev.scansion.script;
