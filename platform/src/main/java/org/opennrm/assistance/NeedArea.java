package org.opennrm.assistance;

/** The areas of a needs assessment. */
public enum NeedArea {
    SAFETY,
    HEALTH,
    PSYCHOLOGICAL,
    LEGAL,
    HOUSING,
    DOCUMENTS,
    INCOME,
    EDUCATION,
    FAMILY,
    LANGUAGE
}
