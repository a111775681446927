package org.opennrm.cases.search;

/** The list's filter by the next deadline of open cases. */
public enum CaseDue {
    /** The next decision's deadline has passed. */
    OVERDUE,
    /** The next decision falls due today or within the next six days. */
    THIS_WEEK
}
