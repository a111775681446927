package org.opennrm.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;

/**
 * Synthetic cases referred this year by the demo NGO, hospital and labour inspectorate and by a new police unit
 * that also decides on identification, so that the platform's lists overlap: every sector shares persons with the
 * police, and each has persons of its own.
 */
public final class EncounterFixtures {

    private EncounterFixtures() {}

    /**
     * Registers a new police unit that refers and also decides on identification, as in countries where the police
     * is the competent authority; its name is unique, so each test gets a unit of its own.
     */
    public static UUID policeIdentificationUnit(OrganisationRegistry organisations) {
        return organisations
                .register(new OrganisationDetails(
                        "Police identification unit " + UUID.randomUUID(),
                        Sector.POLICE,
                        Set.of(NrmRole.REFERRER, NrmRole.IDENTIFICATION_AUTHORITY),
                        Set.of(),
                        Set.of(),
                        List.of()))
                .id();
    }

    /** Opens 11 cases: NGO, health and inspectorate each 1 with a police decision and 2 alone; police 2 alone. */
    public static void mixedCases(CaseManagement cases, OrganisationRegistry organisations, Clock clock) {
        UUID ngo =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        UUID hospital =
                organisations.findByName("Central Hospital").orElseThrow().id();
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        UUID police = policeIdentificationUnit(organisations);
        for (UUID referrer : List.of(ngo, hospital, inspectorate)) {
            var opened = SignedIn.as(Role.REFERRER, referrer, () -> cases.open(CaseFixtures.adultReferral(ngo)));
            SignedIn.as(
                    Role.IDENTIFICATION_OFFICER,
                    police,
                    () -> cases.decidePreliminary(
                            opened.caseId(),
                            null,
                            new DecisionRequest(
                                    DecisionOutcome.PRESUMED_VICTIM,
                                    LocalDate.now(clock),
                                    "Indicators present",
                                    null)));
        }
        for (UUID referrer : List.of(ngo, ngo, hospital, hospital, inspectorate, inspectorate, police, police)) {
            SignedIn.as(Role.REFERRER, referrer, () -> cases.open(CaseFixtures.adultReferral(ngo)));
        }
    }
}
