/** A JUnit Platform test engine that runs .scs scripts as tests. */
package dev.scansion.junit;
