package org.opennrm.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.linkage.encoding.Encodings;
import org.springframework.stereotype.Component;

/**
 * The stored encodings of the NRM's persons, mirrored in memory so that each duplicate check compares a new
 * encoding with every case (exactly, all pairs) without reading them all from the database: it reads only the
 * rows written since it last looked. 128 bytes per case; 100,000 cases take about 15 MB and one check a few
 * milliseconds. Each node of a cluster keeps its own mirror and catches up at its next check.
 */
@Component
class EncodingIndex {

    private final Duplicates duplicates;

    private long lastSequence;
    private final Map<UUID, Integer> slots = new HashMap<>();
    private UUID[] cases = new UUID[1024];
    private int[] popcounts = new int[1024];
    private long[] words = new long[1024 * Encodings.WORDS];
    private int size;

    EncodingIndex(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    /** A case whose encoding reaches the threshold, and how similar it is. */
    record Similar(UUID caseId, double similarity) {}

    /**
     * Catches up with the database, then finds every other case at or above the threshold, most similar first.
     * Similarity is the Dice coefficient 2|A∩B| / (|A| + |B|) as the library and anonlink compute it, so that a
     * threshold means the same here as in a linkage run. Call within the check's lock, so that no encoding is
     * being written meanwhile.
     */
    synchronized List<Similar> similarTo(UUID caseId, long[] encoding, double threshold) {
        catchUp();
        int popcount = Similarity.popcount(encoding);
        List<Similar> found = new ArrayList<>();
        for (int slot = 0; slot < size; slot++) {
            int other = popcounts[slot];
            // Dice cannot reach the threshold when the popcounts differ too much: 2 min(a, b) / (a + b) bounds it
            if (other < DuplicateCheck.MIN_BITS
                    || 2.0 * Math.min(popcount, other) < threshold * (popcount + other)
                    || caseId.equals(cases[slot])) {
                continue;
            }
            int common = 0;
            int offset = slot * Encodings.WORDS;
            for (int w = 0; w < Encodings.WORDS; w++) {
                common += Long.bitCount(encoding[w] & words[offset + w]);
            }
            double similarity = 2.0 * common / (popcount + other);
            if (similarity >= threshold) {
                found.add(new Similar(cases[slot], similarity));
            }
        }
        found.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return found;
    }

    /** Drops a case from this node's mirror; other nodes notice when they find it no longer stored. */
    synchronized void remove(UUID caseId) {
        Integer slot = slots.remove(caseId);
        if (slot != null) {
            cases[slot] = null;
            popcounts[slot] = -1;
        }
    }

    private void catchUp() {
        lastSequence = duplicates.encodingsAfter(lastSequence, this::put);
    }

    private void put(UUID caseId, byte[] encoding) {
        Integer slot = slots.get(caseId);
        if (slot == null) {
            slot = size++;
            grow();
            slots.put(caseId, slot);
            cases[slot] = caseId;
        }
        long[] decoded = Similarity.words(encoding);
        System.arraycopy(decoded, 0, words, slot * Encodings.WORDS, Encodings.WORDS);
        popcounts[slot] = Similarity.popcount(decoded);
    }

    private void grow() {
        if (size > cases.length) {
            int capacity = cases.length * 2;
            cases = Arrays.copyOf(cases, capacity);
            popcounts = Arrays.copyOf(popcounts, capacity);
            words = Arrays.copyOf(words, capacity * Encodings.WORDS);
        }
    }
}
