/** Text for people: what may be printed (control characters shown escaped) and how long it may be. */
package dev.scansion.text;
