/**
 * Turns identifiers into privacy-preserving encodings (1024-bit Bloom-filter CLKs) and reads and writes
 * them in the anonlink binary format. Runs only on the machine of the agency that holds the identifiers:
 * names, dates and the deployment secret are read here and never leave it; only encodings do.
 */
package org.opennrm.linkage.encoding;
