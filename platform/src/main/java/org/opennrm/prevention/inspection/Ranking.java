package org.opennrm.prevention.inspection;

import java.util.List;

/**
 * The ranking of the register for {@code year}: the model trained on {@code trainedOn} inspections before it (of
 * which {@code violations} found a violation), and every workplace ranked with its explanation.
 */
public record Ranking(int year, int trainedOn, int violations, List<Ranked> ranked) {}
