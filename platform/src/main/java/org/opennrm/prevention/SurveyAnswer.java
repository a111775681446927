package org.opennrm.prevention;

/** One respondent's answer to one measure, with the respondent's wave, kind of area and design; no identity. */
record SurveyAnswer(
        int line, Wave wave, Area area, String stratum, String cluster, double weight, String measure, int value) {

    /** Before or after the campaign. */
    enum Wave {
        BEFORE,
        AFTER
    }

    /** Where the campaign ran, or an area for comparison where it did not. */
    enum Area {
        CAMPAIGN,
        COMPARISON
    }

    Respondent respondent() {
        return new Respondent(stratum, cluster, weight, value);
    }
}
