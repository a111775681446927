package org.opennrm.assistance;

/** A goal or action added to the plan. */
public record PlanItemForm(PlanItemKind kind, String text) {

    @Override
    public String toString() {
        return "PlanItemForm[" + kind + "]";
    }
}
