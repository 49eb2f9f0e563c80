/** The immutable script model: what a parsed {@code .scs} file says, with a source position on every node. */
package dev.scansion.script.ast;
