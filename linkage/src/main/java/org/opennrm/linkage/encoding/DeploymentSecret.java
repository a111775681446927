package org.opennrm.linkage.encoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The secret shared by the agencies of one deployment, from which every field key is derived. Whoever holds
 * it can test guesses against encodings, so it is read from a file the agency controls and never printed.
 */
public final class DeploymentSecret {

    /** 128 bits: enough that the secret cannot be guessed, which is all keyed hashing relies on. */
    static final int MIN_BYTES = 16;

    private final byte[] bytes;

    DeploymentSecret(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new InputRejected("the secret must be at least " + MIN_BYTES + " bytes long, it has " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /**
     * Reads the file's bytes; trailing line breaks are dropped so that a secret written with an editor or
     * {@code echo} gives the same keys as one written without.
     */
    public static DeploymentSecret read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputRejected("secret file not found: " + file);
        } catch (IOException e) {
            throw new InputRejected("cannot read secret file " + file + ": " + e.getMessage(), e);
        }
        int end = content.length;
        while (end > 0 && (content[end - 1] == '\n' || content[end - 1] == '\r')) {
            end--;
        }
        return new DeploymentSecret(Arrays.copyOf(content, end));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "DeploymentSecret[****]";
    }
}
