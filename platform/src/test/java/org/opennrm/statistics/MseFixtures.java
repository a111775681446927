package org.opennrm.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published list-overlap tables (aggregate counts only), copied from shared/data/mse. */
final class MseFixtures {

    private MseFixtures() {}

    static String csv(String name) {
        try (InputStream in = MseFixtures.class.getResourceAsStream("mse/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("no table " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ListOverlapTable table(String name) {
        return ListOverlapTable.parse(new java.io.StringReader(csv(name)));
    }
}
