package org.opennrm.prevention.finance;

import java.time.LocalDate;

/** What became of a report: disseminated to the police on a date, and an investigation opened on a date. */
public record ReportOutcome(LocalDate disseminatedOn, LocalDate investigationOn) {}
