/** Integration tests: the real CLI against real servers started by {@link dev.scansion.testing}. */
package dev.scansion.it;
