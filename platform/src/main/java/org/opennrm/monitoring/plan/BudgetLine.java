package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.util.UUID;

/** The money of a measure in one year from one source. */
public record BudgetLine(
        UUID measureId, int year, FundingSource source, BigDecimal planned, BigDecimal allocated, BigDecimal spent) {

    /** More spent than allocated: allowed (money moves within a ministry's budget), but shown to the co-ordinator. */
    public boolean overspent() {
        return spent.compareTo(allocated) > 0;
    }
}
