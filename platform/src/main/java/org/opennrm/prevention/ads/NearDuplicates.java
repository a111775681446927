package org.opennrm.prevention.ads;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups ads into clusters, one per advertiser as far as the ads show it: two ads fall together when their texts are
 * near-duplicates or when they give the same normalised contact, and clusters are closed under both (union-find).
 *
 * <p>Near-duplicates are found by MinHash with locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman and
 * Ullman, "Mining of Massive Datasets", ch. 3): each folded text is cut into shingles, its distinct words (so that
 * one changed word changes one shingle; the boilerplate words many ads share are left out, see below), {@value #HASHES} independent hash functions each keep their smallest value (the signature, whose share of
 * equal positions estimates the Jaccard similarity of two shingle sets), and the signature is cut into
 * {@value #BANDS} bands of {@value #ROWS} rows: ads whose band agrees are candidates, and a candidate pair is joined when
 * its estimated similarity reaches {@link #threshold}. Shingles found in more than 1% of the ads (and in more than
 * 200) are left out of the signatures as boilerplate that many advertisers share (the idea of stop-words, applied to
 * shingles); an advertiser posting more than that many ads is then linked by its remaining text and its contacts. With 32 bands of 2 rows a pair at similarity 0.4 is a candidate
 * with probability 1 - (1 - 0.4^2)^32 = 0.996, at 0.1 with 0.28 (then refused by the check of its similarity). No well-kept MinHash library is on the platform's
 * Maven mirror, hence this small implementation.
 */
public final class NearDuplicates {

    static final int HASHES = 64;
    static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    /** Members of one LSH bucket compared with each other at most; a larger bucket is compared with its first ones. */
    static final int BUCKET_PAIRS = 64;
    /** The fewest ads a shingle must be in before it may count as boilerplate. */
    static final int MIN_FREQUENT = 200;
    /** Ads clustered at once at most: an ad's index is kept in 20 bits beside its band's key. */
    public static final int MAX_ITEMS = 1 << 20;

    /** An ad as clustering sees it: its text (title and text) and its normalised contacts' keys. */
    public record Item(String text, Collection<String> contacts) {}

    private final long[] seeds;
    private final double threshold;

    /** The platform's setting: the same seed always, similarity 0.4. */
    public NearDuplicates() {
        this(0x5eed_ad5L, 0.4);
    }

    public NearDuplicates(long seed, double threshold) {
        this.threshold = threshold;
        this.seeds = new long[HASHES];
        long state = seed;
        for (int i = 0; i < HASHES; i++) {
            state += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(state);
        }
    }

    public double threshold() {
        return threshold;
    }

    /** For each item, the index of the first item of its cluster (so that a cluster is named by its first member). */
    public int[] clusters(List<Item> items) {
        int n = items.size();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("At most " + MAX_ITEMS + " ads are clustered at once");
        }
        List<long[]> shingles = new java.util.ArrayList<>(n);
        for (NearDuplicates.Item item : items) {
            shingles.add(shingles(item.text()));
        }
        java.util.Set<Long> frequent = frequent(shingles);
        int[][] signatures = new int[n][];
        for (int i = 0; i < n; i++) {
            signatures[i] = signature(shingles.get(i), frequent);
        }
        var union = new Union(n);
        long[] keyed = new long[n];
        for (int band = 0; band < BANDS; band++) {
            for (int i = 0; i < n; i++) {
                long key = 0x9E3779B97F4A7C15L * (band + 1);
                for (int r = 0; r < ROWS; r++) {
                    key = mix(key ^ signatures[i][band * ROWS + r]);
                }
                keyed[i] = ((key >>> 21) << 20) | i; // 43 bits of key above 20 bits of index
            }
            Arrays.sort(keyed, 0, n);
            int start = 0;
            while (start < n) {
                int end = start + 1;
                while (end < n && (keyed[end] >>> 20) == (keyed[start] >>> 20)) {
                    end++;
                }
                for (int a = start; a < end; a++) {
                    int i = (int) (keyed[a] & 0xFFFFF);
                    for (int b = start; b < Math.min(a, start + BUCKET_PAIRS); b++) {
                        int j = (int) (keyed[b] & 0xFFFFF);
                        if (union.find(i) != union.find(j) && similarity(signatures[i], signatures[j]) >= threshold) {
                            union.join(i, j);
                        }
                    }
                }
                start = end;
            }
        }
        Map<String, Integer> firstWithContact = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String contact : items.get(i).contacts()) {
                Integer first = firstWithContact.putIfAbsent(contact, i);
                if (first != null) {
                    union.join(first, i);
                }
            }
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = union.find(i);
        }
        return cluster;
    }

    /** The MinHash signature of a text's shingles (all of them: for tests and single texts). */
    int[] signature(String text) {
        return signature(shingles(text), null);
    }

    /** The distinct shingles of a folded text, its words, as 64-bit hashes. */
    static long[] shingles(String text) {
        String folded = TextFolding.fold(text).strip();
        String[] words = folded.isEmpty() ? new String[] {""} : folded.split(" ");
        long[] hashes = new long[words.length];
        for (int w = 0; w < words.length; w++) {
            hashes[w] = mix(words[w].hashCode() * 0x9E3779B97F4A7C15L + 1);
        }
        return Arrays.stream(hashes).distinct().toArray();
    }

    /**
     * The signature over the shingles that are not boilerplate ({@code frequent}, when given); when every shingle is
     * boilerplate, over all of them, so that an ad of boilerplate alone still has a signature.
     */
    int[] signature(long[] shingles, java.util.Set<Long> frequent) {
        int[] minimum = new int[HASHES];
        Arrays.fill(minimum, Integer.MAX_VALUE);
        boolean any = false;
        for (int pass = 0; pass < 2 && !any; pass++) {
            for (long shingle : shingles) {
                if (pass == 0 && frequent != null && frequent.contains(shingle)) {
                    continue;
                }
                any = true;
                for (int h = 0; h < HASHES; h++) {
                    int value = (int) (mix(shingle ^ seeds[h]) >>> 33);
                    if (value < minimum[h]) {
                        minimum[h] = value;
                    }
                }
            }
        }
        return minimum;
    }

    /**
     * The shingles found in more ads than {@link #frequentIn}: boilerplate that many advertisers share ("we are hiring
     * staff for hotels"), which would make different advertisers look alike.
     */
    static java.util.Set<Long> frequent(List<long[]> shingles) {
        Map<Long, Integer> documents = new HashMap<>();
        for (long[] ad : shingles) {
            for (long shingle : ad) {
                documents.merge(shingle, 1, Integer::sum);
            }
        }
        int limit = frequentIn(shingles.size());
        var frequent = new java.util.HashSet<Long>();
        documents.forEach((shingle, count) -> {
            if (count > limit) {
                frequent.add(shingle);
            }
        });
        return frequent;
    }

    /** A shingle in more than this many of n ads is boilerplate: 1% of the ads, and never fewer than 200. */
    static int frequentIn(int n) {
        return Math.max(MIN_FREQUENT, n / 100);
    }

    /** The share of equal positions of two signatures: the estimate of their texts' Jaccard similarity. */
    static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** SplitMix64's finaliser: a fast, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Union-find whose representative is always the smallest index of the set. */
    private static final class Union {
        private final int[] parent;

        Union(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void join(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }
    }
}
