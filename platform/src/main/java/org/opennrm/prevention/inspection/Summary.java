package org.opennrm.prevention.inspection;

/** What an inspectorate has imported: workplaces, inspections, the years they span (0 when there are none). */
public record Summary(int workplaces, int inspections, int byLot, int firstYear, int lastYear) {

    public boolean empty() {
        return workplaces == 0;
    }
}
