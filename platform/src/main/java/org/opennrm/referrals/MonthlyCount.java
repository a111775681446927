package org.opennrm.referrals;

import java.time.YearMonth;

/** How many referrals an organisation sent in a month. */
public record MonthlyCount(YearMonth month, long referrals) {}
