package org.opennrm.prevention.inspection;

import java.time.LocalDate;

/**
 * One past inspection of a workplace: when, whether a labour-law violation was found, how many trafficking or
 * forced-labour indicators were found, and whether the workplace was chosen by lot (the random share, whose findings
 * are free of the bias of inspecting the suspected).
 */
public record Inspection(String workplace, LocalDate on, boolean violation, int indicators, boolean random) {}
