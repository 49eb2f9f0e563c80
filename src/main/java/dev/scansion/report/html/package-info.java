/**
 * The HTML report ({@code --html DIR}): an index and one page per script with its conversation as
 * an SVG sequence diagram, readable from {@code file://}, without JavaScript and under a strict
 * Content-Security-Policy (a stylesheet beside the pages, no inline styles or scripts). Reads only
 * the result model; the words of a failure come from {@code report.FailureMessages}/{@code FailureText}.
 */
package dev.scansion.report.html;
