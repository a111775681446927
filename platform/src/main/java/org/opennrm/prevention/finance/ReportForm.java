package org.opennrm.prevention.finance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The coding form as typed: dates and the entity type as text until read. */
class ReportForm {

    private String reference = "";
    private String receivedOn = "";
    private String entityType = "";
    private List<String> indicators = new ArrayList<>();

    ReportDetails details(Map<String, String> unreadable) {
        LocalDate received = null;
        if (receivedOn != null && !receivedOn.isBlank()) {
            try {
                received = LocalDate.parse(receivedOn.strip());
            } catch (DateTimeParseException e) {
                unreadable.put("receivedOn", "finance.report.error.receivedOn");
            }
        }
        EntityType type = null;
        for (EntityType candidate : EntityType.values()) {
            if (candidate.name().equals(entityType)) {
                type = candidate;
            }
        }
        return new ReportDetails(reference, received, type, indicators);
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(String receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public List<String> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<String> indicators) {
        this.indicators = indicators == null ? new ArrayList<>() : indicators;
    }
}
