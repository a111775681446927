package org.opennrm.prevention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign form as typed: text, so that what cannot be read (a date that is not a date) comes back to the form
 * with its message instead of failing the request.
 */
class CampaignForm {

    private String name = "";
    private String organisationId = "";
    private String audience = "";
    private List<String> regions = new ArrayList<>();
    private String startsOn = "";
    private String endsOn = "";
    private List<String> channels = new ArrayList<>();
    private String messages = "";
    private String cost = "";
    private String currency = "EUR";

    /** The details to register, and per field what could not be read into them. */
    CampaignDetails details(Map<String, String> unreadable) {
        UUID organisation = null;
        if (!organisationId.isBlank()) {
            try {
                organisation = UUID.fromString(organisationId.strip());
            } catch (IllegalArgumentException e) {
                unreadable.put("organisationId", "prevention.campaign.error.organisation");
            }
        }
        List<Channel> chosen = new ArrayList<>();
        for (String channel : channels) {
            try {
                chosen.add(Channel.valueOf(channel));
            } catch (IllegalArgumentException e) {
                unreadable.put("channels", "prevention.campaign.error.channels");
            }
        }
        BigDecimal amount = null;
        if (!cost.isBlank()) {
            try {
                amount = new BigDecimal(cost.strip().replace(" ", "").replace(",", ""));
            } catch (NumberFormatException e) {
                unreadable.put("cost", "prevention.campaign.error.cost");
            }
        }
        return new CampaignDetails(
                name,
                organisation,
                audience,
                regions,
                date(startsOn, "startsOn", unreadable),
                date(endsOn, "endsOn", unreadable),
                chosen,
                messages,
                amount,
                currency);
    }

    private static LocalDate date(String text, String field, Map<String, String> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            unreadable.put(field, "prevention.campaign.error." + field);
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public void setOrganisationId(String organisationId) {
        this.organisationId = organisationId == null ? "" : organisationId;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience == null ? "" : audience;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions == null ? new ArrayList<>() : new ArrayList<>(regions);
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn == null ? "" : startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn == null ? "" : endsOn;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
    }

    public String getMessages() {
        return messages;
    }

    public void setMessages(String messages) {
        this.messages = messages == null ? "" : messages;
    }

    public String getCost() {
        return cost;
    }

    public void setCost(String cost) {
        this.cost = cost == null ? "" : cost;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency == null ? "" : currency;
    }
}
