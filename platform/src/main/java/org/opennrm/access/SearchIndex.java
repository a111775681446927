package org.opennrm.access;

import org.springframework.stereotype.Component;

/**
 * The keyed "blind index" that lets the NRM find a person by name although names are stored encrypted: each
 * folded word of a name is hashed with a key kept outside the database (derived from the audit key under its own
 * label, so there is still one secret to keep) and cut to {@value #BITS} bits, and only these buckets are stored.
 *
 * <p>Why so few bits: with a full hash, a database dump would show exactly which persons share a name word, and the
 * most frequent bucket would betray the most common surname. With 2^{@value #BITS} buckets several different words
 * share a bucket once an NRM holds a few thousand persons, so a bucket says little; the search then decrypts the
 * candidates' names and keeps only true matches, which costs a few decryptions per word. Without the key (a stolen
 * dump) nobody can compute a word's bucket at all.
 */
@Component
public class SearchIndex {

    /** Bits kept of each word's keyed hash. */
    public static final int BITS = 16;

    private final AuditKey key;

    SearchIndex(AuditKey key) {
        this.key = key;
    }

    /** The bucket of one (already folded) word, from 0 to 2^{@value #BITS} - 1. */
    public int bucket(String word) {
        byte[] mac = key.searchMac(word);
        return ((mac[0] & 0xff) << 8) | (mac[1] & 0xff);
    }
}
