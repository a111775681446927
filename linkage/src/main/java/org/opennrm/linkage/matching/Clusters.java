package org.opennrm.linkage.matching;

/**
 * Duplicate clusters within one list: the connected components of the graph whose edges are the pairs at or
 * above the threshold. Components can chain (A like B, B like C, A unlike C); that is the price of a rule
 * that needs no tuning beyond the threshold, and a reason to set the dedup threshold higher than the link one.
 */
final class Clusters {

    private Clusters() {}

    /** Cluster number of each record, numbered 0, 1, ... in order of each cluster's first record in the file. */
    static int[] of(CandidatePairs pairs, int size) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < pairs.size; k++) {
            int rootA = root(parent, pairs.a[k]);
            int rootB = root(parent, pairs.b[k]);
            if (rootA != rootB) {
                parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
            }
        }
        int[] cluster = new int[size];
        int[] numberOfRoot = new int[size];
        java.util.Arrays.fill(numberOfRoot, -1);
        int next = 0;
        for (int i = 0; i < size; i++) {
            int root = root(parent, i);
            if (numberOfRoot[root] < 0) {
                numberOfRoot[root] = next++;
            }
            cluster[i] = numberOfRoot[root];
        }
        return cluster;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
