/**
 * Isolation: rewrites a script so that concurrent runs against one server do not see each other's
 * traffic (unique account, room and node names), and gives back the script's own names for display.
 */
package dev.scansion.isolate;
