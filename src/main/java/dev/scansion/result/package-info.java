/**
 * The result of a run as data: scripts, steps, timings, transcripts and failures, with sealed
 * outcomes so that a status and its failure cannot disagree. Every reporter reads only this; the
 * words a failure is told in are the reporters' (see {@code report.FailureMessages}).
 */
package dev.scansion.result;
