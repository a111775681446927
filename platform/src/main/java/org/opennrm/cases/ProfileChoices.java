package org.opennrm.cases;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The choices of the forms that record a person and a trafficking profile (referral, case profile, anonymous
 * notification), as model attributes: HTCDS codes (labels from {@code code.<list>.<code>} messages), countries
 * and languages named in the reader's language. Nothing is pre-selected.
 */
@Component
public class ProfileChoices {

    private final CodeLists codes;

    ProfileChoices(CodeLists codes) {
        this.codes = codes;
    }

    public Map<String, Object> in(Locale locale) {
        var choices = new LinkedHashMap<String, Object>();
        choices.put("genderCodes", codes.codes(CodeLists.GENDER));
        choices.put("exploitationFormCodes", codes.codes(CodeLists.EXPLOITATION_FORM));
        choices.put("sexualExploitationTypeCodes", codes.codes(CodeLists.SEXUAL_EXPLOITATION_TYPE));
        choices.put("methodOfControlCodes", codes.codes(CodeLists.METHOD_OF_CONTROL));
        choices.put("sectorCodes", codes.codes(CodeLists.SECTOR));
        choices.put("recruitmentMethodCodes", codes.codes(CodeLists.RECRUITMENT_METHOD));
        choices.put("recruitmentPlatformCodes", codes.codes(CodeLists.RECRUITMENT_PLATFORM));
        choices.put("recruiterRelationshipCodes", codes.codes(CodeLists.RECRUITER_RELATIONSHIP));
        choices.put("eventTypeCodes", codes.codes(CodeLists.EVENT_TYPE));
        choices.put("countryOptions", codes.countryOptions(locale));
        choices.put("languageOptions", codes.languageOptions(locale));
        choices.put("vulnerabilityChoices", Vulnerability.values());
        choices.put("ageGroupChoices", AgeGroup.values());
        return choices;
    }
}
