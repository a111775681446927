package org.opennrm.statistics;

import java.util.List;

/**
 * The result of multiple systems estimation on one list-overlap table: the lists, the number of people
 * seen, how models were chosen and intervals computed, the main-effects and selected models, and the
 * sensitivity table over all models tried; then the Rasch-type model (heterogeneous catchability) and the model AIC
 * chose from it (null when the table gives them no row), and the logit-normal and two-class models with the latter's
 * interactions ({@link LogitNormalModel}, {@link TwoClassModel}; null in immediate estimates, which leave them out, for
 * tables of more than {@link HeterogeneityModel#MAX_LISTS} lists, and in estimates stored before the model existed).
 */
record MseEstimate(
        List<String> lists,
        long observed,
        int cells,
        String selection,
        String interval,
        String informationCriteria,
        ModelEstimate mainEffects,
        ModelEstimate bestByAic,
        ModelEstimate bestByBic,
        List<ModelEstimate> models,
        ModelEstimate rasch,
        ModelEstimate raschByAic,
        ModelEstimate logitNormal,
        ModelEstimate twoClasses) {}
