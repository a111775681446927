/**
 * Turns identifiers into privacy-preserving encodings (1024-bit Bloom-filter CLKs, and per-field Bloom filters for
 * the field-aware model) and reads and writes them (the CLKs in the anonlink binary format, the field encodings in
 * {@code NAME.fields}). Runs only on the machine of the agency that holds the identifiers:
 * names, dates and the deployment secret are read here and never leave it; only encodings do.
 */
package org.opennrm.linkage.encoding;
