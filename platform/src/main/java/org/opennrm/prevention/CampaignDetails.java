package org.opennrm.prevention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What registering a campaign asks: its name, the organisation that runs it, the audience, the regions (at least
 * one, each a region some registered organisation serves), the period, the channels (at least one), the messages,
 * and the cost in a currency (ISO 4217, EUR when not given).
 */
record CampaignDetails(
        String name,
        UUID organisationId,
        String audience,
        List<String> regions,
        LocalDate startsOn,
        LocalDate endsOn,
        List<Channel> channels,
        String messages,
        BigDecimal cost,
        String currency) {}
