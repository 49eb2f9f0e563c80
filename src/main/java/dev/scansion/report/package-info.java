/** Console, JUnit XML, JSON and transcript reports, all fed by the exec result model. */
package dev.scansion.report;
