package org.opennrm.prevention.suppliers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An imported list of employers found using forced labour, with its source and how many employers it names. */
public record ForcedLabourList(
        UUID id, String name, String publisher, LocalDate publishedOn, String url, int entries, Instant importedAt) {}
