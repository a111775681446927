package org.opennrm.prevention.ads;

/**
 * The categories of indicators an ad is screened for, each with the weight it adds to a cluster's rank in the triage
 * queue. The weights are a judgement written down (documented in {@code docs/ad-screening.md}), not fitted: the
 * categories that published indicator lists name as signs of control (movement, documents, debt, age) weigh more than
 * those that honest ads also show (fees, jobs abroad, third-person wording).
 */
public enum Indicator {
    /** The ad speaks for someone else: "new girls", "she is available". */
    THIRD_PARTY(2),
    /** Youth terms. */
    AGE(3),
    /** Restricted movement or isolation: lodging on site, no days off, around the clock. */
    RESTRICTED_MOVEMENT(3),
    /** Debt: travel costs deducted from pay, a ticket to repay. */
    DEBT(3),
    /** Fees charged to the worker for recruitment or papers. */
    FEES(2),
    /** Jobs abroad without skills or language, high pay promised. */
    JOB_ABROAD(1),
    /** Identity documents kept or papers arranged by the advertiser. */
    DOCUMENTS(3);

    private final int weight;

    Indicator(int weight) {
        this.weight = weight;
    }

    /** Points this category adds to a cluster that shows it. */
    public int weight() {
        return weight;
    }
}
