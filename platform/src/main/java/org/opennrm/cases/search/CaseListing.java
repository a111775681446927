package org.opennrm.cases.search;

import java.time.LocalDate;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.Stage;

/**
 * One line of the case list. {@code name} is the person's name only on the results of a name search (the person
 * searching typed it; the line confirms whom they found, and showing it is logged as a read); null otherwise.
 */
public record CaseListing(
        CaseId caseId,
        String reference,
        CaseStatus status,
        Stage stage,
        AgeCategory ageCategory,
        LocalDate referredOn,
        LocalDate closedOn,
        String name) {}
