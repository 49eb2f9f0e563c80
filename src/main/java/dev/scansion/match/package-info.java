/** Decides whether a received stanza matches an expected payload element; the only package that imports XMLUnit. */
package dev.scansion.match;
