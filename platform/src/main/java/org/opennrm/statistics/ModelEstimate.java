package org.opennrm.statistics;

import java.util.List;

/**
 * One row of the sensitivity table: a model, its fit and its estimate of the hidden number (people on no
 * list) and the total, with 95% interval limits. A model that could not be used has a status other than
 * {@link FitStatus#FITTED}, a problem in words and no numbers; an upper limit the data do not bound is
 * absent, with a problem saying so. {@code heterogeneity} marks the Rasch-type models (see {@link LogLinearModel}).
 */
record ModelEstimate(
        String model,
        List<String> interactions,
        FitStatus status,
        String problem,
        Double deviance,
        Integer df,
        Double aic,
        Double bic,
        Double hidden,
        Double total,
        Double hiddenLower,
        Double hiddenUpper,
        Double totalLower,
        Double totalUpper,
        boolean heterogeneity) {

    static ModelEstimate failed(
            String model, List<String> interactions, FitStatus status, String problem, boolean heterogeneity) {
        return new ModelEstimate(
                model,
                interactions,
                status,
                problem,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                heterogeneity);
    }
}
