package org.opennrm.assistance;

import java.util.List;
import org.opennrm.cases.CaseSummaryLine;

/**
 * The assistance of one case as a reader may see it. {@code nonPunishment} is null for readers who do not need
 * it (service providers); {@code mayPlan} tells whether the reader may assess needs, plan and close.
 */
public record AssistanceFile(
        CaseSummaryLine summary,
        List<Need> needs,
        AssistancePlan plan,
        List<DeliveredService> services,
        List<NonPunishment> nonPunishment,
        List<Closure> closures,
        List<DeliveredService> permitsExpiringSoon,
        boolean mayPlan) {}
