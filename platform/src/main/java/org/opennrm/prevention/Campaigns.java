package org.opennrm.prevention;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of prevention campaigns ({@code prevention.campaign}): registered by prevention officers, read by
 * them and by those who read national statistics. Every registration is audited.
 */
@Service
class Campaigns {

    static final int MAX_NAME = 200;
    static final int MAX_AUDIENCE = 500;
    static final int MAX_MESSAGES = 2000;
    /* a campaign is planned and evaluated over years, not decades */
    static final int MAX_YEARS = 10;
    static final BigDecimal MAX_COST = new BigDecimal("999999999999.99");

    private static final String COLUMNS = "id, name, organisation_id, audience, regions, starts_on, ends_on, channels,"
            + " messages, cost, currency, registered_at";

    private final JdbcClient jdbc;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, OrganisationRegistry organisations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    Campaign register(CampaignDetails details) {
        return register(details, Map.of());
    }

    /**
     * Registers a campaign, or refuses it with every field to change at once (together with the fields a form could
     * not read, such as a date that is not a date).
     */
    @Transactional
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    Campaign register(CampaignDetails details, Map<String, String> unreadable) {
        Map<String, String> problems = new LinkedHashMap<>(unreadable);
        String name = text(details.name());
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.putIfAbsent("name", "prevention.campaign.error.name");
        }
        if (details.organisationId() == null
                || organisations.find(details.organisationId()).isEmpty()) {
            problems.putIfAbsent("organisationId", "prevention.campaign.error.organisation");
        }
        String audience = text(details.audience());
        if (audience.isEmpty() || audience.length() > MAX_AUDIENCE) {
            problems.putIfAbsent("audience", "prevention.campaign.error.audience");
        }
        var regions = new LinkedHashSet<String>();
        for (String region : details.regions() == null ? List.<String>of() : details.regions()) {
            Optional<String> served = organisations.servedRegion(region);
            if (served.isEmpty()) {
                problems.putIfAbsent("regions", "prevention.campaign.error.regionUnknown");
            } else {
                regions.add(served.get().strip());
            }
        }
        if (regions.isEmpty()) {
            problems.putIfAbsent("regions", "prevention.campaign.error.regions");
        }
        LocalDate startsOn = details.startsOn();
        LocalDate endsOn = details.endsOn();
        if (startsOn == null) {
            problems.putIfAbsent("startsOn", "prevention.campaign.error.startsOn");
        }
        if (endsOn == null) {
            problems.putIfAbsent("endsOn", "prevention.campaign.error.endsOn");
        } else if (startsOn != null && (endsOn.isBefore(startsOn) || endsOn.isAfter(startsOn.plusYears(MAX_YEARS)))) {
            problems.putIfAbsent("endsOn", "prevention.campaign.error.period");
        }
        var channels = new LinkedHashSet<Channel>();
        if (details.channels() != null) {
            details.channels().stream().filter(java.util.Objects::nonNull).forEach(channels::add);
        }
        if (channels.isEmpty()) {
            problems.putIfAbsent("channels", "prevention.campaign.error.channels");
        }
        String messages = text(details.messages());
        if (messages.isEmpty() || messages.length() > MAX_MESSAGES) {
            problems.putIfAbsent("messages", "prevention.campaign.error.messages");
        }
        BigDecimal cost = details.cost();
        if (cost == null || cost.signum() < 0 || cost.compareTo(MAX_COST) > 0 || cost.scale() > 2) {
            problems.putIfAbsent("cost", "prevention.campaign.error.cost");
        }
        String currency = details.currency() == null || details.currency().isBlank()
                ? "EUR"
                : details.currency().strip().toUpperCase(Locale.ROOT);
        if (!currencyKnown(currency)) {
            problems.putIfAbsent("currency", "prevention.campaign.error.currency");
        }
        if (!problems.isEmpty()) {
            throw new CampaignInvalid(problems);
        }
        UUID id = UUID.randomUUID();
        var registeredAt = clock.instant();
        UUID by = Actor.current().map(Actor::accountId).orElseThrow();
        jdbc.sql("insert into prevention.campaign (" + COLUMNS + ", registered_by) values (:id, :name, :organisation,"
                        + " :audience, :regions, :startsOn, :endsOn, :channels, :messages, :cost, :currency, :at, :by)")
                .param("id", id)
                .param("name", name)
                .param("organisation", details.organisationId())
                .param("audience", audience)
                .param("regions", regions.toArray(String[]::new))
                .param("startsOn", startsOn)
                .param("endsOn", endsOn)
                .param("channels", channels.stream().map(Channel::name).toArray(String[]::new))
                .param("messages", messages)
                .param("cost", cost)
                .param("currency", currency)
                .param("at", java.sql.Timestamp.from(registeredAt))
                .param("by", by)
                .update();
        audit.record(AuditAction.CREATE, "campaign", id);
        return new Campaign(
                id,
                name,
                details.organisationId(),
                audience,
                List.copyOf(regions),
                startsOn,
                endsOn,
                List.copyOf(channels),
                messages,
                cost,
                currency,
                registeredAt);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    List<Campaign> all() {
        return jdbc.sql("select " + COLUMNS + " from prevention.campaign order by starts_on desc, name limit 1000")
                .query(Campaigns::campaign)
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    Campaign get(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from prevention.campaign where id = :id")
                .param("id", id)
                .query(Campaigns::campaign)
                .optional()
                .orElseThrow(() -> new RecordNotFound("campaign", id));
    }

    /** The regions a campaign may name: those the registered organisations serve, in their spelling. */
    List<String> regions() {
        return organisations.all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .map(String::strip)
                .distinct()
                .sorted()
                .toList();
    }

    private static boolean currencyKnown(String code) {
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("audience"),
                strings(rs.getArray("regions")),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                strings(rs.getArray("channels")).stream().map(Channel::valueOf).toList(),
                rs.getString("messages"),
                rs.getBigDecimal("cost"),
                rs.getString("currency"),
                rs.getTimestamp("registered_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
