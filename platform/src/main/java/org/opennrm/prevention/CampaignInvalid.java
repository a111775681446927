package org.opennrm.prevention;

import java.util.Map;
import org.opennrm.RuleViolation;

/**
 * A campaign that cannot be registered as asked: per field, the label key of what to change (shown next to the
 * field on the form, in the person's language; in English in the API's problem detail).
 */
class CampaignInvalid extends RuleViolation {

    private final Map<String, String> fields;

    CampaignInvalid(Map<String, String> fields) {
        super(
                "prevention.campaign.error.invalid",
                "The campaign cannot be registered: " + String.join(", ", fields.keySet()) + ".");
        this.fields = Map.copyOf(fields);
    }

    /** Field name to label key. */
    Map<String, String> fields() {
        return fields;
    }
}
