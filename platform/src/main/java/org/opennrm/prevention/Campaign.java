package org.opennrm.prevention;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered prevention campaign or activity: who runs it ({@code organisationId}), for whom, in which regions (as
 * the organisations serving them register them), when, through which channels, with which messages and at what
 * cost. It names no person.
 */
record Campaign(
        UUID id,
        String name,
        UUID organisationId,
        String audience,
        List<String> regions,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Channel> channels,
        String messages,
        BigDecimal cost,
        String currency,
        Instant registeredAt) {

    Campaign {
        regions = List.copyOf(regions);
        channels = List.copyOf(channels);
    }
}
