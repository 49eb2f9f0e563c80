/** The picocli command line; the only package that imports picocli. */
package dev.scansion.cli;
