package org.opennrm.monitoring.plan;

import java.math.BigDecimal;

/**
 * The money of a measure for one year from one source, made on the version of the measure the person read.
 * {@code planned} and {@code allocated} are the co-ordinator's to set; a lead organisation reports
 * {@code spent} only (its entry leaves the other two as they were: they are null in it).
 */
public record BudgetEntry(
        int year, FundingSource source, BigDecimal planned, BigDecimal allocated, BigDecimal spent, int version) {}
