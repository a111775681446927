package org.opennrm.monitoring.returns;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agency outside the case system that holds criminal-justice figures, with the measures it reports. Measures that
 * count persons (suspects, persons prosecuted, convicted) are broken down by sex, child or adult and form; measures that
 * count proceedings or documents (investigations, inspections, reports) only by form.
 */
enum Agency {
    POLICE(List.of("INVESTIGATIONS", "SUSPECTS"), Set.of("SUSPECTS")),
    PROSECUTION(List.of("PERSONS_PROSECUTED"), Set.of("PERSONS_PROSECUTED")),
    COURTS(
            List.of("COURT_DECISIONS", "PERSONS_CONVICTED", "CUSTODIAL_SENTENCES"),
            Set.of("PERSONS_CONVICTED", "CUSTODIAL_SENTENCES")),
    LABOUR_INSPECTORATE(List.of("INSPECTIONS", "INSPECTIONS_WITH_INDICATORS"), Set.of()),
    FIU(List.of("SUSPICIOUS_TRANSACTION_REPORTS"), Set.of());

    /** The forms agencies report by: UNODC's three (their registers rarely hold more), or unknown. */
    static final List<String> FORMS = List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR", "OTHER", "UNKNOWN", "ALL");

    static final List<String> SEXES = List.of("FEMALE", "MALE", "UNKNOWN", "ALL");
    static final List<String> AGES = List.of("CHILD", "ADULT", "UNKNOWN", "ALL");

    /** Which agencies a return needs figures from. */
    static final Map<String, List<Agency>> REQUIRED = Map.of(
            EurostatReturn.ID, List.of(POLICE, PROSECUTION, COURTS),
            UnodcReturn.ID, List.of(POLICE, PROSECUTION, COURTS),
            GretaReturn.ID, List.of(POLICE, PROSECUTION, COURTS),
            TipReturn.ID, List.of(POLICE, PROSECUTION, COURTS),
            Sdg1622Return.ID, List.of(),
            UkNrmQuarterlyTable.ID, List.of());

    private final List<String> measures;
    private final Set<String> personMeasures;

    Agency(List<String> measures, Set<String> personMeasures) {
        this.measures = measures;
        this.personMeasures = personMeasures;
    }

    List<String> measures() {
        return measures;
    }

    boolean countsPersons(String measure) {
        return personMeasures.contains(measure);
    }
}
