package org.opennrm.statistics.publishing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words a reader sees for the categories of a published table: {@code FORCED_LABOUR} is "Forced labour",
 * {@code UKR} "Ukraine", {@code A} "Agriculture, forestry and fishing", {@code NORTH-REGION} "North Region", each in
 * the reader's language. Facts keep codes (so that tables stay comparable across languages and years); only what is
 * shown is translated. The labels are the ones the rest of the platform shows for the same codes (the HTCDS code
 * lists, the outcome, service, sector and closure words of their modules), so a statistician and a case worker read
 * the same word for the same thing; a category the platform has no word for is shown as it is (periods, age bands,
 * bands of days).
 */
@Component
public class CategoryLabels {

    /*
     * ISIC Rev. 4 sections as facts hold them (the letter) and as the HTCDS sector list names them: the labels live
     * under the HTCDS code. CategoryLabelsTests checks that this matches the code list the platform ships.
     */
    static final Map<String, String> ISIC_SECTIONS = Map.ofEntries(
            Map.entry("A", "A_AgricultureForestryAndFishing"),
            Map.entry("B", "B_MiningAndQuarrying"),
            Map.entry("C", "C_Manufacturing"),
            Map.entry("D", "D_ElectricityGasSteamAndAirConditioningSupply"),
            Map.entry("E", "E_WaterSupplySewerageWasteManagement"),
            Map.entry("F", "F_Construction"),
            Map.entry("G", "G_WholesaleAndRetailTradeRepairOfMotorVehicles"),
            Map.entry("H", "H_TransportationAndStorage"),
            Map.entry("I", "I_AccommodationAndFoodServiceActivities"),
            Map.entry("J", "J_InformationAndCommunication"),
            Map.entry("K", "K_FinancialAndInsuranceActivities"),
            Map.entry("L", "L_RealEstateActivities"),
            Map.entry("M", "M_ProfessionalScientificAndTechnicalActivities"),
            Map.entry("N", "N_AdministrativeAndSupportServiceActivities"),
            Map.entry("O", "O_PublicAdministrationAndDefence"),
            Map.entry("P", "P_Education"),
            Map.entry("Q", "Q_HumanHealthAndSocialWorkActivities"),
            Map.entry("R", "R_ArtsEntertainmentAndRecreation"),
            Map.entry("S", "S_OtherServiceActivities"),
            Map.entry("T", "T_ActivitiesOfHouseholdsAsEmployers"),
            Map.entry("U", "U_ActivitiesOfExtraterritorialOrganizations"));

    /*
     * HTCDS codes whose capitals a fact's code cannot give back (AtAPlaceOfBusiness is AT_APLACE_OF_BUSINESS, 4Sale
     * 4_SALE): the fact's code and the HTCDS code its label lives under. CategoryLabelsTests checks every code of the
     * recruitment lists the platform ships.
     */
    static final Map<String, String> HTCDS_SPELLINGS = Map.of(
            "AT_APLACE_OF_BUSINESS", "AtAPlaceOfBusiness",
            "THROUGH_ATELEVISION_ADVERT", "ThroughATelevisionAdvert",
            "THROUGH_ANEWSPAPER_ADVERT", "ThroughANewspaperAdvert",
            "4_SALE", "4Sale",
            "QQ", "QQ",
            "QZONE", "QZone");

    /* every country by its alpha-3 code, once: a table names a country in every header it heads */
    private static final Map<String, Locale> COUNTRIES = countries();
    private static final Pattern SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final MessageSource messages;
    private final OrganisationRegistry organisations;

    CategoryLabels(MessageSource messages, OrganisationRegistry organisations) {
        this.messages = messages;
        this.organisations = organisations;
    }

    /**
     * The label of a category.
     *
     * @param dimension a dimension as a word ({@code exploitation-form}) or a name ({@code EXPLOITATION_FORM})
     * @param category the category a table holds
     * @param locale the reader's language
     */
    public String label(String dimension, String category, Locale locale) {
        if (category == null) {
            return message("statistics.table.total", locale, "total");
        }
        String name = dimension == null
                ? ""
                : dimension.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        String own = message("statistics.category." + name + "." + category, locale, null);
        if (own != null) {
            return own;
        }
        String general = message("statistics.category." + category, locale, null);
        if (general != null) {
            return general;
        }
        String found =
                switch (name) {
                    // the agencies' figures say FEMALE, MALE and OTHER (the returns' words) where facts hold HTCDS
                    // codes
                    case "SEX" -> first(locale, "code.gender." + camel(category), "returns.category." + category);
                    case "EXPLOITATION_FORM" ->
                        first(
                                locale,
                                "code.exploitationForm." + camel(category),
                                "screening.exploitation." + category,
                                "returns.category." + category);
                    case "METHOD_OF_CONTROL" -> message("code.methodOfControl." + camel(category), locale, null);
                    case "RECRUITER_RELATIONSHIP" ->
                        message("code.recruiterRelationship." + camel(category), locale, null);
                    case "VULNERABILITY" -> message("vulnerability." + category, locale, null);
                    case "RECRUITMENT_METHOD" -> message("code.recruitmentMethod." + htcds(category), locale, null);
                    case "RECRUITMENT_PLATFORM" -> message("code.recruitmentPlatform." + htcds(category), locale, null);
                    case "SECTOR" ->
                        ISIC_SECTIONS.containsKey(category)
                                ? message("code.sector." + ISIC_SECTIONS.get(category), locale, null)
                                : null;
                    case "REFERRING_SECTOR" -> message("sector." + category, locale, null);
                    // a decision's outcome, a review panel's conclusion on one, or the result of a permit, a claim or a
                    // return (assistance's words)
                    case "DECISION_OUTCOME" ->
                        first(locale, "outcome." + category, "reviewOutcome." + category, "serviceResult." + category);
                    case "SERVICE" -> message("serviceType." + category, locale, null);
                    case "CLOSURE_REASON" -> message("closureReason." + category, locale, null);
                    case "DURABLE_SOLUTION" -> message("durableSolution." + category, locale, null);
                    // the returns' words for the bands of a recovery and reflection period
                    case "PERIOD_BAND" -> message("returns.category." + category, locale, null);
                    // an agency's figures: the returns' words for the agency and its measure
                    case "AGENCY" -> message("returns.agency." + category, locale, null);
                    case "MEASURE" -> message("returns.measure." + category, locale, null);
                    case "CITIZENSHIP", "COUNTRY_OF_EXPLOITATION" -> country(category, locale);
                    case "REGION" -> region(category);
                    default -> null;
                };
        return found == null ? category : found;
    }

    /** The labels of categories in the same order. */
    public List<String> labels(String dimension, List<String> categories, Locale locale) {
        return categories.stream()
                .map(category -> label(dimension, category, locale))
                .toList();
    }

    private String first(Locale locale, String... keys) {
        for (String key : keys) {
            String found = message(key, locale, null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private String message(String key, Locale locale, String otherwise) {
        return messages.getMessage(key, null, otherwise, locale);
    }

    private static String htcds(String code) {
        return HTCDS_SPELLINGS.getOrDefault(code, camel(code));
    }

    /** {@code FORCED_LABOUR} as the HTCDS code {@code ForcedLabour} it was made from. */
    static String camel(String code) {
        if (!SNAKE.matcher(code).matches()) {
            return code;
        }
        var camel = new StringBuilder();
        for (String part : code.split("_")) {
            if (!part.isEmpty()) {
                camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return camel.toString();
    }

    private static String country(String code, Locale locale) {
        var country = COUNTRIES.get(code);
        return country == null ? null : country.getDisplayCountry(locale);
    }

    private static Map<String, Locale> countries() {
        var countries = new java.util.HashMap<String, Locale>();
        for (String alpha2 : Locale.getISOCountries()) {
            var country = Locale.of("", alpha2);
            try {
                countries.put(country.getISO3Country(), country);
            } catch (java.util.MissingResourceException noThreeLetterCode) {
                // a country without an alpha-3 code is never a fact's
            }
        }
        return Map.copyOf(countries);
    }

    /* A region's code is made from the name an organisation serves (see the statistics module's Regions). */
    private String region(String code) {
        return organisations.all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .filter(name -> code.equals(regionCode(name)))
                .findFirst()
                .orElse(null);
    }

    /** The same coding as the statistics module's regions: {@code North Region} is {@code NORTH-REGION}. */
    public static String regionCode(String name) {
        if (name == null) {
            return null;
        }
        String code = name.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (code.length() > 20) {
            // a fact's region code is at most 20 characters
            code = code.substring(0, 20).replaceAll("-+$", "");
        }
        return code.isEmpty() ? null : code;
    }
}
