package org.opennrm.statistics;

/** Whether a log-linear model gave a usable estimate, and if not, why. */
public enum FitStatus {
    /** Maximum likelihood estimates found; the estimate can be used. */
    FITTED,
    /**
     * The maximum likelihood estimate is on the boundary: a parameter is infinite, for example an
     * interaction between two lists that share nobody. No number is given for such a model.
     */
    BOUNDARY,
    /** The parameters cannot all be told apart from the observable cells (the design is singular). */
    NOT_IDENTIFIABLE,
    /** Iteratively reweighted least squares did not settle within its iteration limit. */
    NOT_CONVERGED
}
