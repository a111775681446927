package org.opennrm.linkage.encoding;

/**
 * Optional hardening of the Bloom filters against frequency and pattern attacks. Both keep the 1024-bit
 * output so the files stay anonlink-compatible; their cost in linkage quality is measured by the quality
 * benchmark ({@code bench/linkage/quality.sh}).
 */
public enum Hardening {
    NONE("none", 1024),
    /**
     * Balanced Bloom filter (Berger and Schnell 2014): a 512-bit filter concatenated with its complement and
     * permuted under a secret key, so every encoding has exactly 512 bits set and popcounts reveal nothing.
     */
    BALANCED("balanced", 512),
    /**
     * XOR folding (Schnell, Borgs, Encheva 2016): a 2048-bit filter whose halves are XORed, so that no bit of
     * the output can be traced to a single token position.
     */
    XOR_FOLD("xor-fold", 2048);

    private final String schemaName;
    private final int filterBits;

    Hardening(String schemaName, int filterBits) {
        this.schemaName = schemaName;
        this.filterBits = filterBits;
    }

    /** Size of the filter that tokens are hashed into before hardening turns it into 1024 bits. */
    int filterBits() {
        return filterBits;
    }

    String schemaName() {
        return schemaName;
    }

    static Hardening fromSchemaName(String name) {
        for (Hardening hardening : values()) {
            if (hardening.schemaName.equals(name)) {
                return hardening;
            }
        }
        throw new InputRejected("schema: unknown hardening \"" + name + "\" (expected none, balanced or xor-fold)");
    }
}
