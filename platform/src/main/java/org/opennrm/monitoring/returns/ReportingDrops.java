package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * Registering organisations, and sectors of them, whose referrals into the NRM fell sharply against their own previous
 * year: a drop in a return's counts may be a drop in reporting, not in trafficking (a shelter closed, an inspectorate
 * stopped screening), and the rapporteur should ask before publishing. Organisations are counted from the referrals
 * recorded since the platform kept their organisation beside the fact; sectors from every fact.
 */
final class ReportingDrops {

    /* less than half of the year before, on at least 10 the year before */
    static final double SHARP = 0.5;
    static final long FLOOR = 10;

    record Drop(String sector, long before, long now) {}

    /** An organisation whose referrals fell sharply: its name as registered, the year before and the year. */
    record OrganisationDrop(java.util.UUID organisationId, String name, long before, long now) {}

    private ReportingDrops() {}

    /** The organisations among {@code counts} whose referrals fell sharply; named by {@code names} (the id if unknown). */
    static List<OrganisationDrop> ofOrganisations(
            List<org.opennrm.statistics.publishing.ReturnCounts.OrganisationReferrals> counts,
            java.util.function.Function<java.util.UUID, String> names) {
        List<OrganisationDrop> drops = new ArrayList<>();
        for (var organisation : counts) {
            if (sharp(organisation.yearBefore(), organisation.year())) {
                drops.add(new OrganisationDrop(
                        organisation.organisationId(),
                        names.apply(organisation.organisationId()),
                        organisation.yearBefore(),
                        organisation.year()));
            }
        }
        drops.sort(java.util.Comparator.comparing(OrganisationDrop::name));
        return drops;
    }

    private static boolean sharp(long before, long now) {
        return before >= FLOOR && now < SHARP * before;
    }

    static List<Drop> in(List<FactGroup> facts, int year) {
        Map<String, long[]> bySector = new TreeMap<>();
        for (FactGroup group : facts) {
            if (!Codings.REFERRAL.equals(group.event()) || group.registeringSector() == null) {
                continue;
            }
            int slot = group.year() == year - 1 ? 0 : group.year() == year ? 1 : -1;
            if (slot >= 0) {
                bySector.computeIfAbsent(group.registeringSector(), s -> new long[2])[slot] += group.facts();
            }
        }
        List<Drop> drops = new ArrayList<>();
        bySector.forEach((sector, counts) -> {
            if (sharp(counts[0], counts[1])) {
                drops.add(new Drop(sector, counts[0], counts[1]));
            }
        });
        return drops;
    }
}
