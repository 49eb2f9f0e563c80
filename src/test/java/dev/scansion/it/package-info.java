/** Integration tests that run conversation scripts (specs/, the shared seed) through the real CLI against real servers. */
package dev.scansion.it;
