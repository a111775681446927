package org.opennrm.prevention;

/**
 * One answer of a knowledge-attitude-practice survey, without identity: the design (stratum, cluster, design weight)
 * and the value of one measure (1 or 0 for "knows how to report", or any number).
 */
record Respondent(String stratum, String cluster, double weight, double value) {

    Respondent {
        if (stratum == null || stratum.isBlank() || cluster == null || cluster.isBlank()) {
            throw new IllegalArgumentException("a respondent needs a stratum and a cluster");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("a design weight is a positive number");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a value is a number");
        }
    }
}
