package org.opennrm.assistance.events;

import java.time.YearMonth;
import org.opennrm.cases.CaseId;

/**
 * An offence was recorded under the non-punishment principle (Council of Europe Convention, article 26): the month it
 * was recorded and whether the offence was recorded as a direct result of being trafficked (the principle applies to
 * those). Never the offence itself.
 */
public record NonPunishmentRecorded(CaseId caseId, boolean directResultOfTrafficking, YearMonth recordedIn) {}
