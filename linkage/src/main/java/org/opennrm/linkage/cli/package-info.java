/**
 * The command line of the linkage tool: {@code encode}, {@code link} and {@code dedup}, with exit codes scripts
 * can rely on. Reads identifiers only in {@code encode}, on the machine of the agency that holds them; the other
 * commands read encodings and ids only.
 */
package org.opennrm.linkage.cli;
