package org.opennrm.prevention.ads;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.statistics.publishing.IndicatorDisclosure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ad screening for the agency that collected the ads: import (whole or not at all, texts and contacts encrypted),
 * screening against the lexicon, clustering into advertisers, the triage queue with its reasons, the analysts' labels
 * and the precision at k they give the queue. Every import, review and label is audited; everything is read within
 * the analyst's own organisation (another organisation's cluster answers 404). Those who read prevention evidence see
 * only counts by category and quarter, through the statistics office's disclosure control.
 */
@Service
public class AdScreening {

    /** The cut-offs at which the queue's precision is shown. */
    static final List<Integer> PRECISION_AT = List.of(10, 20, 50);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final IdentityProtection identity;
    private final ContactKey contactKey;
    private final AuditTrail audit;
    private final IndicatorDisclosure disclosure;
    private final Clock clock;
    private final String defaultRegion;
    private final NearDuplicates nearDuplicates = new NearDuplicates();

    AdScreening(
            JdbcClient jdbc,
            JdbcTemplate batch,
            IdentityProtection identity,
            ContactKey contactKey,
            AuditTrail audit,
            IndicatorDisclosure disclosure,
            Clock clock,
            @Value("${opennrm.ads.default-region:DE}") String defaultRegion) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.identity = identity;
        this.contactKey = contactKey;
        this.audit = audit;
        this.disclosure = disclosure;
        this.clock = clock;
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** What an import stored. */
    public record Imported(UUID id, int ads, int clusters, String lexiconVersion) implements java.io.Serializable {}

    /** One cluster in the queue: its place, its ranking with reasons, sites, the latest label and when it was seen. */
    public record QueueEntry(
            int place, Triage.Ranked<UUID> ranked, int sites, Label label, Instant firstSeen, Instant lastSeen) {}

    /** Precision at k: of the first k clusters, how many were labelled relevant or not, and the share relevant. */
    public record PrecisionAtK(int k, int labelled, int relevant, Double precision) {}

    /** The queue: its first entries, how many clusters it holds, the precision at k and the lexicon version. */
    public record Queue(
            List<QueueEntry> entries,
            int clustersInQueue,
            int ads,
            int clusters,
            List<PrecisionAtK> precision,
            String lexiconVersion) {}

    /** An ad as the analyst reviews it: decrypted. */
    public record AdView(
            UUID id,
            String reference,
            Instant collectedAt,
            String site,
            String language,
            String location,
            String title,
            String text,
            List<String> contacts,
            List<Lexicon.Match> matches,
            String lexiconVersion,
            Label label) {}

    /** A cluster under review: its ranking and reasons (empty when it shows no indicator), its ads and its label. */
    public record ClusterView(UUID id, Triage.Ranked<UUID> ranked, List<AdView> ads, Label label) {}

    /** A count as it may be shown outside the agency: the value when exact, or the minimum it stays under, or nothing. */
    public record ShownCount(IndicatorDisclosure.Shown shown, Long value, int minimum) {}

    /** Per quarter, the ads and clusters screened, and per category the ads and clusters showing it. */
    public record Aggregates(
            List<String> quarters,
            List<ShownCount> ads,
            List<ShownCount> clusters,
            Map<Indicator, List<ShownCount>> adsByCategory,
            Map<Indicator, List<ShownCount>> clustersByCategory,
            int minimum) {}

    @Transactional
    @PreAuthorize(AdsAccess.SCREEN)
    public Imported importAds(String content, String region) {
        UUID organisation = organisation();
        String chosenRegion = region == null || region.isBlank()
                ? defaultRegion
                : region.strip().toUpperCase(Locale.ROOT);
        if (!Contacts.regionKnown(chosenRegion)) {
            throw new AdsInvalid(List.of(AdProblem.at(0, "ads.problem.region")), 0);
        }
        Instant now = clock.instant();
        AdFile.Read read = AdFile.read(content, chosenRegion, now);
        List<AdFile.Line> lines = read.ads();
        Set<String> known = new java.util.HashSet<>(jdbc.sql(
                        "select reference from prevention.ad where organisation_id = :org and reference in (:refs)")
                .param("org", organisation)
                .param("refs", lines.stream().map(AdFile.Line::reference).toList())
                .query(String.class)
                .list());
        if (!known.isEmpty()) {
            throw AdFile.invalid(lines.stream()
                    .filter(line -> known.contains(line.reference()))
                    .map(line -> AdProblem.at(line.line(), "ads.problem.alreadyImported", line.reference()))
                    .toList());
        }
        Lexicon lexicon = Lexicon.standard();
        UUID importId = UUID.randomUUID();
        UUID by = Actor.current().map(Actor::accountId).orElseThrow();
        jdbc.sql(
                        "insert into prevention.ad_import (id, organisation_id, imported_by, imported_at, ads, lexicon_version,"
                                + " default_region) values (:id, :org, :by, :at, :ads, :version, :region)")
                .param("id", importId)
                .param("org", organisation)
                .param("by", by)
                .param("at", Timestamp.from(now))
                .param("ads", lines.size())
                .param("version", lexicon.version())
                .param("region", chosenRegion)
                .update();
        List<UUID> ids = lines.stream().map(line -> UUID.randomUUID()).toList();
        batch.batchUpdate(
                "insert into prevention.ad (id, organisation_id, import_id, reference, collected_at, site, language,"
                        + " location, title, body, matches, categories, lexicon_version, cluster_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        AdFile.Line line = lines.get(i);
                        UUID id = ids.get(i);
                        List<Lexicon.Match> matches = lexicon.match(line.title(), line.text());
                        var categories = new TreeSet<String>();
                        matches.forEach(match -> categories.add(match.category().name()));
                        ps.setObject(1, id);
                        ps.setObject(2, organisation);
                        ps.setObject(3, importId);
                        ps.setString(4, line.reference());
                        ps.setTimestamp(5, Timestamp.from(line.collectedAt()));
                        ps.setString(6, line.site());
                        ps.setString(7, line.language());
                        ps.setString(8, line.location());
                        ps.setString(9, identity.encrypt(line.title(), AdsConfiguration.TITLE + id));
                        ps.setString(10, identity.encrypt(line.text(), AdsConfiguration.BODY + id));
                        ps.setArray(
                                11,
                                ps.getConnection()
                                        .createArrayOf(
                                                "text",
                                                matches.stream()
                                                        .map(Lexicon.Match::stored)
                                                        .toArray()));
                        ps.setArray(12, ps.getConnection().createArrayOf("text", categories.toArray()));
                        ps.setString(13, lexicon.version());
                        ps.setObject(14, id);
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                });
        record ContactRow(UUID id, UUID ad, AdFile.Contact contact) {}
        List<ContactRow> contacts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (AdFile.Contact contact : lines.get(i).contacts()) {
                contacts.add(new ContactRow(UUID.randomUUID(), ids.get(i), contact));
            }
        }
        batch.batchUpdate(
                "insert into prevention.ad_contact (id, ad_id, organisation_id, kind, contact_key, contact)"
                        + " values (?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ContactRow row = contacts.get(i);
                        ps.setObject(1, row.id());
                        ps.setObject(2, row.ad());
                        ps.setObject(3, organisation);
                        ps.setString(4, row.contact().kind().name());
                        ps.setString(
                                5,
                                contactKey.of(
                                        organisation,
                                        row.contact().kind(),
                                        row.contact().value()));
                        ps.setString(6, identity.encrypt(row.contact().value(), AdsConfiguration.CONTACT + row.id()));
                    }

                    @Override
                    public int getBatchSize() {
                        return contacts.size();
                    }
                });
        int clusters = recluster(organisation);
        audit.record(
                AuditAction.CREATE,
                "ad-import",
                importId,
                "ads=" + lines.size() + " format=" + read.format() + " lexicon=" + lexicon.version());
        return new Imported(importId, lines.size(), clusters, lexicon.version());
    }

    /** Clusters all the organisation's ads again (new ads may join old advertisers); returns the number of clusters. */
    private int recluster(UUID organisation) {
        record Text(UUID id, String title, String body, UUID cluster) {}
        List<Text> texts = jdbc.sql("select id, title, body, cluster_id from prevention.ad where organisation_id = :org"
                        + " order by collected_at, id")
                .param("org", organisation)
                .query((rs, row) -> new Text(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getObject("cluster_id", UUID.class)))
                .list();
        Map<UUID, Set<String>> contacts = contactKeys(organisation, null);
        List<NearDuplicates.Item> items = new ArrayList<>(texts.size());
        for (Text text : texts) {
            String title = identity.decrypt(text.title(), AdsConfiguration.TITLE + text.id());
            String body = identity.decrypt(text.body(), AdsConfiguration.BODY + text.id());
            items.add(new NearDuplicates.Item(
                    (title == null ? "" : title + " ") + body, contacts.getOrDefault(text.id(), Set.of())));
        }
        int[] cluster = nearDuplicates.clusters(items);
        List<Object[]> changed = new ArrayList<>();
        var distinct = new java.util.HashSet<Integer>();
        for (int i = 0; i < texts.size(); i++) {
            distinct.add(cluster[i]);
            UUID key = texts.get(cluster[i]).id();
            if (!key.equals(texts.get(i).cluster())) {
                changed.add(new Object[] {key, texts.get(i).id()});
            }
        }
        batch.batchUpdate("update prevention.ad set cluster_id = ? where id = ?", changed);
        return distinct.size();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(AdsAccess.SCREEN)
    public Queue queue(int limit) {
        UUID organisation = organisation();
        List<Triage.Ad<UUID>> ads = triageAds(organisation, null);
        Map<UUID, Instant[]> seen = new HashMap<>();
        Map<UUID, Set<String>> sites = new HashMap<>();
        jdbc.sql("select cluster_id, site, collected_at from prevention.ad where organisation_id = :org")
                .param("org", organisation)
                .query(rs -> {
                    UUID cluster = rs.getObject("cluster_id", UUID.class);
                    Instant at = rs.getTimestamp("collected_at").toInstant();
                    sites.computeIfAbsent(cluster, c -> new java.util.HashSet<>())
                            .add(rs.getString("site"));
                    seen.merge(cluster, new Instant[] {at, at}, (a, b) ->
                            new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                });
        List<Triage.Ranked<UUID>> ranked = Triage.rank(ads);
        Map<UUID, Label> labels = clusterLabels(organisation);
        List<QueueEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            var cluster = ranked.get(i);
            Instant[] span = seen.get(cluster.cluster());
            entries.add(new QueueEntry(
                    i + 1,
                    cluster,
                    sites.get(cluster.cluster()).size(),
                    labels.get(cluster.cluster()),
                    span[0],
                    span[1]));
        }
        return new Queue(
                entries,
                ranked.size(),
                ads.size(),
                sites.size(),
                precisionAtK(ranked.stream().map(Triage.Ranked::cluster).toList(), labels),
                Lexicon.standard().version());
    }

    /** Precision at each k of {@link #PRECISION_AT}, over the labelled clusters among the first k of the queue. */
    static List<PrecisionAtK> precisionAtK(List<UUID> queue, Map<UUID, Label> labels) {
        List<PrecisionAtK> precision = new ArrayList<>();
        for (int k : PRECISION_AT) {
            int labelled = 0;
            int relevant = 0;
            for (UUID cluster : queue.subList(0, Math.min(k, queue.size()))) {
                Label label = labels.get(cluster);
                if (label == Label.RELEVANT) {
                    relevant++;
                    labelled++;
                } else if (label == Label.NOT_RELEVANT) {
                    labelled++;
                }
            }
            precision.add(new PrecisionAtK(k, labelled, relevant, labelled == 0 ? null : (double) relevant / labelled));
        }
        return precision;
    }

    @Transactional
    @PreAuthorize(AdsAccess.SCREEN)
    public ClusterView cluster(UUID cluster) {
        UUID organisation = organisation();
        List<Triage.Ad<UUID>> triage = triageAds(organisation, cluster);
        if (triage.isEmpty()) {
            throw new RecordNotFound("ad-cluster", cluster);
        }
        List<Triage.Ranked<UUID>> ranked = Triage.rank(triage);
        Map<UUID, Label> adLabels = adLabels(organisation, cluster);
        Map<UUID, List<String>> contacts = new HashMap<>();
        jdbc.sql("select c.id, c.ad_id, c.contact from prevention.ad_contact c join prevention.ad a on a.id = c.ad_id"
                        + " where a.organisation_id = :org and a.cluster_id = :cluster order by c.kind, c.id")
                .param("org", organisation)
                .param("cluster", cluster)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    contacts.computeIfAbsent(rs.getObject("ad_id", UUID.class), a -> new ArrayList<>())
                            .add(identity.decrypt(rs.getString("contact"), AdsConfiguration.CONTACT + id));
                });
        List<AdView> ads = jdbc.sql(
                        "select id, reference, collected_at, site, language, location, title, body, matches,"
                                + " lexicon_version from prevention.ad where organisation_id = :org and cluster_id = :cluster"
                                + " order by collected_at, id limit 500")
                .param("org", organisation)
                .param("cluster", cluster)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new AdView(
                            id,
                            rs.getString("reference"),
                            rs.getTimestamp("collected_at").toInstant(),
                            rs.getString("site"),
                            rs.getString("language"),
                            rs.getString("location"),
                            identity.decrypt(rs.getString("title"), AdsConfiguration.TITLE + id),
                            identity.decrypt(rs.getString("body"), AdsConfiguration.BODY + id),
                            contacts.getOrDefault(id, List.of()),
                            matches(rs.getArray("matches")),
                            rs.getString("lexicon_version"),
                            adLabels.get(id));
                })
                .list();
        audit.record(AuditAction.READ, "ad-cluster", cluster, "ads=" + triage.size());
        return new ClusterView(
                cluster,
                ranked.isEmpty() ? null : ranked.getFirst(),
                ads,
                clusterLabels(organisation).get(cluster));
    }

    /** Labels every ad of a cluster at once (one label per ad, marked as given to the whole cluster). */
    @Transactional
    @PreAuthorize(AdsAccess.SCREEN)
    public void labelCluster(UUID cluster, Label label) {
        UUID organisation = organisation();
        if (label == null) {
            throw new IllegalArgumentException("Give a label: RELEVANT, NOT_RELEVANT or UNSURE");
        }
        int labelled = jdbc.sql("insert into prevention.ad_label (id, organisation_id, ad_id, label, whole_cluster,"
                        + " labelled_by, labelled_at) select gen_random_uuid(), organisation_id, id, :label, true, :by,"
                        + " :at from prevention.ad where organisation_id = :org and cluster_id = :cluster")
                .param("label", label.name())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(clock.instant()))
                .param("org", organisation)
                .param("cluster", cluster)
                .update();
        if (labelled == 0) {
            throw new RecordNotFound("ad-cluster", cluster);
        }
        audit.record(AuditAction.UPDATE, "ad-cluster", cluster, "label=" + label + " ads=" + labelled);
    }

    /** The cluster of one of the organisation's ads (404 for another organisation's). */
    @Transactional(readOnly = true)
    @PreAuthorize(AdsAccess.SCREEN)
    public UUID clusterOf(UUID ad) {
        return jdbc.sql("select cluster_id from prevention.ad where id = :id and organisation_id = :org")
                .param("id", ad)
                .param("org", organisation())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new RecordNotFound("ad", ad));
    }

    /** Labels one ad. */
    @Transactional
    @PreAuthorize(AdsAccess.SCREEN)
    public UUID labelAd(UUID ad, Label label) {
        UUID organisation = organisation();
        if (label == null) {
            throw new IllegalArgumentException("Give a label: RELEVANT, NOT_RELEVANT or UNSURE");
        }
        UUID cluster = jdbc.sql("select cluster_id from prevention.ad where id = :id and organisation_id = :org")
                .param("id", ad)
                .param("org", organisation)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new RecordNotFound("ad", ad));
        jdbc.sql("insert into prevention.ad_label (id, organisation_id, ad_id, label, whole_cluster, labelled_by,"
                        + " labelled_at) values (:id, :org, :ad, :label, false, :by, :at)")
                .param("id", UUID.randomUUID())
                .param("org", organisation)
                .param("ad", ad)
                .param("label", label.name())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditAction.UPDATE, "ad", ad, "label=" + label);
        return cluster;
    }

    /**
     * Counts of screened ads and clusters per quarter (collection date, UTC), overall and per indicator category, over
     * every organisation's ads, each series passed through the statistics office's disclosure control for indicator
     * values ({@link IndicatorDisclosure}: the national minimum cell size; a small count is shown as "fewer than").
     */
    @Transactional(readOnly = true)
    @PreAuthorize(AdsAccess.AGGREGATES)
    public Aggregates aggregates() {
        record Row(LocalDate quarter, String category, long ads, long clusters) {}
        List<Row> totals = jdbc.sql("select date_trunc('quarter', collected_at at time zone 'UTC')::date as q,"
                        + " count(*) as ads, count(distinct cluster_id) as clusters from prevention.ad group by 1")
                .query((rs, row) ->
                        new Row(rs.getObject("q", LocalDate.class), null, rs.getLong("ads"), rs.getLong("clusters")))
                .list();
        List<Row> byCategory = jdbc.sql("select date_trunc('quarter', a.collected_at at time zone 'UTC')::date as q,"
                        + " c as category, count(*) as ads, count(distinct a.cluster_id) as clusters"
                        + " from prevention.ad a, unnest(a.categories) c group by 1, 2")
                .query((rs, row) -> new Row(
                        rs.getObject("q", LocalDate.class),
                        rs.getString("category"),
                        rs.getLong("ads"),
                        rs.getLong("clusters")))
                .list();
        var quarters = new TreeSet<LocalDate>();
        totals.forEach(row -> quarters.add(row.quarter()));
        List<LocalDate> ordered = List.copyOf(quarters);
        Map<LocalDate, Row> total = new HashMap<>();
        totals.forEach(row -> total.put(row.quarter(), row));
        Map<String, Row> cell = new HashMap<>();
        byCategory.forEach(row -> cell.put(row.category() + "|" + row.quarter(), row));
        Map<Indicator, List<ShownCount>> adsByCategory = new LinkedHashMap<>();
        Map<Indicator, List<ShownCount>> clustersByCategory = new LinkedHashMap<>();
        for (Indicator category : Indicator.values()) {
            List<Long> ads = new ArrayList<>();
            List<Long> clusters = new ArrayList<>();
            for (LocalDate quarter : ordered) {
                Row row = cell.get(category.name() + "|" + quarter);
                ads.add(row == null ? 0L : row.ads());
                clusters.add(row == null ? 0L : row.clusters());
            }
            adsByCategory.put(category, protect(ordered, ads));
            clustersByCategory.put(category, protect(ordered, clusters));
        }
        return new Aggregates(
                ordered.stream().map(AdScreening::quarterName).toList(),
                protect(ordered, ordered.stream().map(q -> total.get(q).ads()).toList()),
                protect(
                        ordered,
                        ordered.stream().map(q -> total.get(q).clusters()).toList()),
                adsByCategory,
                clustersByCategory,
                disclosure.minimumCellSize());
    }

    private List<ShownCount> protect(List<LocalDate> quarters, List<Long> counts) {
        List<IndicatorDisclosure.Figure> figures = new ArrayList<>();
        for (int i = 0; i < quarters.size(); i++) {
            YearMonth from = YearMonth.from(quarters.get(i));
            figures.add(new IndicatorDisclosure.Figure(from, from.plusMonths(2), true, counts.get(i), counts.get(i)));
        }
        List<IndicatorDisclosure.Shown> shown = disclosure.protect(figures);
        List<ShownCount> result = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            var how = shown.get(i);
            result.add(new ShownCount(
                    how, how == IndicatorDisclosure.Shown.EXACT ? counts.get(i) : null, disclosure.minimumCellSize()));
        }
        return result;
    }

    static String quarterName(LocalDate start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private List<Triage.Ad<UUID>> triageAds(UUID organisation, UUID cluster) {
        Map<UUID, Set<String>> contacts = contactKeys(organisation, cluster);
        return jdbc.sql("select id, cluster_id, site, location, matches from prevention.ad where organisation_id = :org"
                        + (cluster == null ? "" : " and cluster_id = :cluster")
                        + " order by collected_at, id")
                .param("org", organisation)
                .params(cluster == null ? Map.of() : Map.of("cluster", cluster))
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Triage.Ad<>(
                            id,
                            rs.getObject("cluster_id", UUID.class),
                            rs.getString("site"),
                            rs.getString("location"),
                            matches(rs.getArray("matches")),
                            contacts.getOrDefault(id, Set.of()));
                })
                .list();
    }

    private Map<UUID, Set<String>> contactKeys(UUID organisation, UUID cluster) {
        Map<UUID, Set<String>> contacts = new HashMap<>();
        jdbc.sql("select c.ad_id, c.contact_key from prevention.ad_contact c"
                        + (cluster == null ? "" : " join prevention.ad a on a.id = c.ad_id and a.cluster_id = :cluster")
                        + " where c.organisation_id = :org")
                .param("org", organisation)
                .params(cluster == null ? Map.of() : Map.of("cluster", cluster))
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getObject("ad_id", UUID.class), a -> new LinkedHashSet<>())
                            .add(rs.getString("contact_key"));
                });
        return contacts;
    }

    /** The latest label given to any ad of each cluster. */
    private Map<UUID, Label> clusterLabels(UUID organisation) {
        Map<UUID, Label> labels = new HashMap<>();
        jdbc.sql("select distinct on (a.cluster_id) a.cluster_id, l.label from prevention.ad_label l"
                        + " join prevention.ad a on a.id = l.ad_id where l.organisation_id = :org"
                        + " order by a.cluster_id, l.labelled_at desc, l.whole_cluster desc")
                .param("org", organisation)
                .query(rs -> {
                    labels.put(rs.getObject("cluster_id", UUID.class), Label.valueOf(rs.getString("label")));
                });
        return labels;
    }

    private Map<UUID, Label> adLabels(UUID organisation, UUID cluster) {
        Map<UUID, Label> labels = new HashMap<>();
        jdbc.sql("select distinct on (l.ad_id) l.ad_id, l.label from prevention.ad_label l join prevention.ad a on"
                        + " a.id = l.ad_id where l.organisation_id = :org and a.cluster_id = :cluster"
                        + " order by l.ad_id, l.labelled_at desc")
                .param("org", organisation)
                .param("cluster", cluster)
                .query(rs -> {
                    labels.put(rs.getObject("ad_id", UUID.class), Label.valueOf(rs.getString("label")));
                });
        return labels;
    }

    private static List<Lexicon.Match> matches(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray())
                .map(Lexicon.Match::parse)
                .toList();
    }

    private static UUID organisation() {
        return Actor.current()
                .map(Actor::organisationId)
                .orElseThrow(() -> new AccessDeniedException("Ad screening belongs to an organisation"));
    }
}
