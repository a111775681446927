package org.opennrm.monitoring.plan;

import java.math.BigDecimal;
import java.util.Collection;

/** Planned, allocated and spent money added up over budget lines (of an objective, an organisation, a plan). */
public record BudgetTotal(BigDecimal planned, BigDecimal allocated, BigDecimal spent) {

    public static final BudgetTotal NONE = new BudgetTotal(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    static BudgetTotal of(Collection<BudgetLine> lines) {
        var total = NONE;
        for (var line : lines) {
            total = new BudgetTotal(
                    total.planned.add(line.planned()),
                    total.allocated.add(line.allocated()),
                    total.spent.add(line.spent()));
        }
        return total;
    }

    public boolean overspent() {
        return spent.compareTo(allocated) > 0;
    }
}
