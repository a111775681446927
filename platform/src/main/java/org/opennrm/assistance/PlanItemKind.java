package org.opennrm.assistance;

/** A line of an assistance plan: a goal agreed with the person, or an action towards it. */
public enum PlanItemKind {
    GOAL,
    ACTION
}
