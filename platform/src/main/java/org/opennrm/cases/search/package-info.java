/**
 * Finding a case: the NRM's list of all cases (open and closed) with filters, and the search by a person's name
 * through the blind index of {@code access.SearchIndex} (names stay encrypted; only keyed 16-bit buckets of their
 * folded words are stored). A name search decrypts only the candidates' names, shows only true matches, and logs
 * each match shown as a read of that case. Never touches anything outside {@code cases} but the search key and the
 * audit trail.
 */
package org.opennrm.cases.search;
