package org.opennrm.monitoring.plan.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;

/** A value for an indicator: the months it covers; for a reported indicator the value and a note. */
record ValueForm(
        @NotNull(message = "{plan.indicator.months.required}") @DateTimeFormat(pattern = "yyyy-MM")
        YearMonth firstMonth,

        @NotNull(message = "{plan.indicator.months.required}") @DateTimeFormat(pattern = "yyyy-MM")
        YearMonth lastMonth,

        @Digits(integer = 14, fraction = 2, message = "{plan.budget.amount.invalid}")
        BigDecimal value,

        @Size(max = 2000, message = "{plan.indicator.note.size}")
        String note) {

    static ValueForm blank(int year) {
        return new ValueForm(YearMonth.of(year, 1), YearMonth.of(year, 12), null, null);
    }
}
