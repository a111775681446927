package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * Registering organisations (by sector: the facts keep the sector, never the organisation) whose referrals into the
 * NRM fell sharply against their own previous year: a drop in a return's counts may be a drop in reporting, not in
 * trafficking, and the rapporteur should ask before publishing.
 */
final class ReportingDrops {

    /* less than half of the year before, on at least 10 the year before */
    static final double SHARP = 0.5;
    static final long FLOOR = 10;

    record Drop(String sector, long before, long now) {}

    private ReportingDrops() {}

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
            if (counts[0] >= FLOOR && counts[1] < SHARP * counts[0]) {
                drops.add(new Drop(sector, counts[0], counts[1]));
            }
        });
        return drops;
    }
}
