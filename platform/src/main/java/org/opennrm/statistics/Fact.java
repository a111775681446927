package org.opennrm.statistics;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One counted event about a person, in codes only: what happened and in which month, and the person's
 * coded characteristics at that time. There is deliberately no field for a name, a date of birth, an id of
 * a case or person, or free text; every code must look like a code (capitals, digits, underscores), so a
 * name cannot be slipped in either. Unknown values are null.
 *
 * @param ageBand one of {@link #AGE_BANDS} (the CTDC bands)
 * @param child true for a child, false for an adult, null when not known
 * @param citizenship ISO 3166-1 alpha-3
 * @param decisionOutcome for identification decisions and reviews: the outcome; for services delivered and decisions
 *     on them: the result of a permit, a compensation claim or a safe return ({@code GRANTED}, {@code SAFETY_ASSESSED}
 *     ...); for non-punishment: {@code DIRECT_RESULT} or {@code NOT_DIRECT_RESULT}
 * @param daysToDecision for identification decisions: days from referral to decision
 * @param sectors ISIC sections (one capital letter each) where the person was exploited
 * @param exploitationCountries ISO 3166-1 alpha-3
 * @param screeningSuggestion for screenings: what the screening suggested (never a decision)
 * @param closureReason for closures: why the case was closed
 * @param durableSolution for durable solutions: which one the case closed with
 * @param statisticsConsent for referrals: whether the person agreed to use in statistics (the CTDC microdata export
 *     leaves out those who did not); null for facts that do not come from a referral
 * @param consentPurpose for consents given or withdrawn: the purpose
 * @param receivingSector for referrals to services and transfers: the sector of the organisation that received the
 *     referral or the case
 * @param overrideGround for referrals to services sent without the person's consent: the ground
 * @param screeningChecklistVersion for screenings: the version of the checklist answered ({@code border/r2}); null
 *     for screenings counted before the version travelled with the event, which were all answered with {@code r1}
 * @param vulnerabilities for referrals: the vulnerabilities stated ({@code DEBT}, {@code CARE_LEAVER} ...)
 * @param recruitmentMethods for referrals: HTCDS recruitment methods as codes ({@code THROUGH_ONLINE_SOCIAL_NETWORKS})
 * @param recruitmentPlatforms for referrals: online recruitment platforms as codes ({@code TELEGRAM})
 * @param periodBand for recovery and reflection periods granted: the length, one of {@link #PERIOD_BANDS}
 */
public record Fact(
        EventKind kind,
        YearMonth month,
        String region,
        String referringSector,
        String sex,
        String ageBand,
        Boolean child,
        String citizenship,
        Set<String> exploitationForms,
        String decisionOutcome,
        Integer daysToDecision,
        String serviceType,
        Set<String> methodsOfControl,
        Set<String> sectors,
        String recruiterRelationship,
        Set<String> exploitationCountries,
        String screeningSuggestion,
        String closureReason,
        String durableSolution,
        Boolean statisticsConsent,
        String consentPurpose,
        String receivingSector,
        String overrideGround,
        String screeningChecklistVersion,
        Set<String> vulnerabilities,
        Set<String> recruitmentMethods,
        Set<String> recruitmentPlatforms,
        String periodBand) {

    /** The lengths of recovery and reflection periods counted apart (calendar days, both ends included). */
    public static final List<String> PERIOD_BANDS =
            List.of("DAYS_UP_TO_30", "DAYS_31_TO_60", "DAYS_61_TO_90", "DAYS_91_TO_180", "DAYS_OVER_180");

    /** The band of a recovery and reflection period of so many days. */
    public static String periodBand(int days) {
        if (days <= 30) {
            return "DAYS_UP_TO_30";
        }
        if (days <= 60) {
            return "DAYS_31_TO_60";
        }
        if (days <= 90) {
            return "DAYS_61_TO_90";
        }
        return days <= 180 ? "DAYS_91_TO_180" : "DAYS_OVER_180";
    }

    /** The age bands of the CTDC global dataset, so that national and global figures line up. */
    public static final List<String> AGE_BANDS =
            List.of("0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    private static final Pattern REGION = Pattern.compile("[A-Z0-9-]{1,20}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SECTION = Pattern.compile("[A-U]");
    private static final Pattern CHECKLIST_VERSION = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}/r[0-9]{1,6}");

    public Fact {
        if (kind == null || month == null) {
            throw new IllegalArgumentException("a fact needs its event kind and month");
        }
        code("region", region, REGION);
        code("referring sector", referringSector, CODE);
        code("sex", sex, CODE);
        code("citizenship", citizenship, COUNTRY);
        code("decision outcome", decisionOutcome, CODE);
        code("service type", serviceType, CODE);
        if (ageBand != null && !AGE_BANDS.contains(ageBand)) {
            throw new IllegalArgumentException("age band must be one of " + AGE_BANDS);
        }
        if (daysToDecision != null && daysToDecision < 0) {
            throw new IllegalArgumentException("days to decision cannot be negative");
        }
        exploitationForms = exploitationForms == null ? Set.of() : Set.copyOf(exploitationForms);
        exploitationForms.forEach(form -> code("form of exploitation", form, CODE));
        code("recruiter relationship", recruiterRelationship, CODE);
        code("screening suggestion", screeningSuggestion, CODE);
        code("closure reason", closureReason, CODE);
        code("durable solution", durableSolution, CODE);
        code("consent purpose", consentPurpose, CODE);
        code("receiving sector", receivingSector, CODE);
        code("override ground", overrideGround, CODE);
        code("checklist version", screeningChecklistVersion, CHECKLIST_VERSION);
        if (periodBand != null && !PERIOD_BANDS.contains(periodBand)) {
            throw new IllegalArgumentException("period band must be one of " + PERIOD_BANDS);
        }
        methodsOfControl = methodsOfControl == null ? Set.of() : Set.copyOf(methodsOfControl);
        methodsOfControl.forEach(method -> code("method of control", method, CODE));
        sectors = sectors == null ? Set.of() : Set.copyOf(sectors);
        sectors.forEach(sector -> code("sector", sector, SECTION));
        exploitationCountries = exploitationCountries == null ? Set.of() : Set.copyOf(exploitationCountries);
        exploitationCountries.forEach(country -> code("country of exploitation", country, COUNTRY));
        vulnerabilities = vulnerabilities == null ? Set.of() : Set.copyOf(vulnerabilities);
        vulnerabilities.forEach(vulnerability -> code("vulnerability", vulnerability, CODE));
        recruitmentMethods = recruitmentMethods == null ? Set.of() : Set.copyOf(recruitmentMethods);
        recruitmentMethods.forEach(method -> code("recruitment method", method, CODE));
        recruitmentPlatforms = recruitmentPlatforms == null ? Set.of() : Set.copyOf(recruitmentPlatforms);
        recruitmentPlatforms.forEach(platform -> code("recruitment platform", platform, CODE));
    }

    /** The same fact with national forms and methods of control read as the standard codes they map to. */
    Fact withStandard(java.util.Map<String, String> formParents, java.util.Map<String, String> methodParents) {
        return new Fact(
                kind,
                month,
                region,
                referringSector,
                sex,
                ageBand,
                child,
                citizenship,
                org.opennrm.statistics.publishing.NationalParents.standard(exploitationForms, formParents),
                decisionOutcome,
                daysToDecision,
                serviceType,
                org.opennrm.statistics.publishing.NationalParents.standard(methodsOfControl, methodParents),
                sectors,
                recruiterRelationship,
                exploitationCountries,
                screeningSuggestion,
                closureReason,
                durableSolution,
                statisticsConsent,
                consentPurpose,
                receivingSector,
                overrideGround,
                screeningChecklistVersion,
                vulnerabilities,
                recruitmentMethods,
                recruitmentPlatforms,
                periodBand);
    }

    /**
     * A fact of this kind and month with only the codes its event carries, named rather than given by position: the
     * listeners set a few of twenty fields and leave the rest unknown.
     */
    static Builder of(EventKind kind, YearMonth month) {
        return new Builder(kind, month);
    }

    /** Collects the codes of one fact; {@link #build()} checks them like the constructor does. */
    static final class Builder {
        private final EventKind kind;
        private final YearMonth month;
        private String region;
        private String referringSector;
        private String sex;
        private String ageBand;
        private Boolean child;
        private String citizenship;
        private Set<String> exploitationForms = Set.of();
        private String decisionOutcome;
        private Integer daysToDecision;
        private String serviceType;
        private Set<String> methodsOfControl = Set.of();
        private Set<String> sectors = Set.of();
        private String recruiterRelationship;
        private Set<String> exploitationCountries = Set.of();
        private String screeningSuggestion;
        private String closureReason;
        private String durableSolution;
        private Boolean statisticsConsent;
        private String consentPurpose;
        private String receivingSector;
        private String overrideGround;
        private String screeningChecklistVersion;
        private Set<String> vulnerabilities = Set.of();
        private Set<String> recruitmentMethods = Set.of();
        private Set<String> recruitmentPlatforms = Set.of();
        private String periodBand;

        private Builder(EventKind kind, YearMonth month) {
            this.kind = kind;
            this.month = month;
        }

        Builder origin(String region, String referringSector) {
            this.region = region;
            this.referringSector = referringSector;
            return this;
        }

        Builder person(String sex, String ageBand, Boolean child, String citizenship) {
            this.sex = sex;
            this.ageBand = ageBand;
            this.child = child;
            this.citizenship = citizenship;
            return this;
        }

        Builder child(Boolean child) {
            this.child = child;
            return this;
        }

        Builder exploitationForms(Set<String> exploitationForms) {
            this.exploitationForms = exploitationForms;
            return this;
        }

        Builder decision(String outcome, Integer daysToDecision) {
            this.decisionOutcome = outcome;
            this.daysToDecision = daysToDecision;
            return this;
        }

        Builder serviceType(String serviceType) {
            this.serviceType = serviceType;
            return this;
        }

        Builder profile(
                Set<String> methodsOfControl,
                Set<String> sectors,
                String recruiterRelationship,
                Set<String> exploitationCountries) {
            this.methodsOfControl = methodsOfControl;
            this.sectors = sectors;
            this.recruiterRelationship = recruiterRelationship;
            this.exploitationCountries = exploitationCountries;
            return this;
        }

        Builder vulnerabilities(Set<String> vulnerabilities) {
            this.vulnerabilities = vulnerabilities;
            return this;
        }

        Builder recruitment(Set<String> methods, Set<String> platforms) {
            this.recruitmentMethods = methods;
            this.recruitmentPlatforms = platforms;
            return this;
        }

        Builder screeningSuggestion(String screeningSuggestion) {
            this.screeningSuggestion = screeningSuggestion;
            return this;
        }

        Builder screeningChecklistVersion(String screeningChecklistVersion) {
            this.screeningChecklistVersion = screeningChecklistVersion;
            return this;
        }

        Builder closureReason(String closureReason) {
            this.closureReason = closureReason;
            return this;
        }

        Builder durableSolution(String durableSolution) {
            this.durableSolution = durableSolution;
            return this;
        }

        Builder statisticsConsent(Boolean statisticsConsent) {
            this.statisticsConsent = statisticsConsent;
            return this;
        }

        Builder consentPurpose(String consentPurpose) {
            this.consentPurpose = consentPurpose;
            return this;
        }

        Builder receivedBy(String receivingSector, String overrideGround) {
            this.receivingSector = receivingSector;
            this.overrideGround = overrideGround;
            return this;
        }

        Builder periodBand(String periodBand) {
            this.periodBand = periodBand;
            return this;
        }

        Fact build() {
            return new Fact(
                    kind,
                    month,
                    region,
                    referringSector,
                    sex,
                    ageBand,
                    child,
                    citizenship,
                    exploitationForms,
                    decisionOutcome,
                    daysToDecision,
                    serviceType,
                    methodsOfControl,
                    sectors,
                    recruiterRelationship,
                    exploitationCountries,
                    screeningSuggestion,
                    closureReason,
                    durableSolution,
                    statisticsConsent,
                    consentPurpose,
                    receivingSector,
                    overrideGround,
                    screeningChecklistVersion,
                    vulnerabilities,
                    recruitmentMethods,
                    recruitmentPlatforms,
                    periodBand);
        }
    }

    private static void code(String what, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a code (" + pattern.pattern() + ")");
        }
    }
}
