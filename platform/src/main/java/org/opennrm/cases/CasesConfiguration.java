package org.opennrm.cases;

import java.util.List;
import org.opennrm.access.EncryptedColumn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The jurisdiction's calendar, the identification deadlines, and the columns of this module that hold values
 * encrypted with the identity key (so that rotating the key re-encrypts them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentificationSettings.class, RetentionSettings.class})
class CasesConfiguration {

    @Bean
    Jurisdiction jurisdiction(@Value("${opennrm.jurisdiction:demo}") String name) {
        return Jurisdiction.load(name);
    }

    @Bean
    DeadlineClock deadlineClock(Jurisdiction jurisdiction) {
        return jurisdiction.clock();
    }

    @Bean
    EncryptedColumn caseNoteText() {
        return new EncryptedColumn("cases.case_note", "id", "text", org.opennrm.cases.notes.CaseNotes.CONTEXT);
    }

    @Bean
    EncryptedColumn caseDocumentFileName() {
        return new EncryptedColumn(
                "cases.case_document", "id", "file_name", org.opennrm.cases.documents.CaseDocuments.FILE_NAME);
    }

    @Bean
    EncryptedColumn caseDocumentDescription() {
        return new EncryptedColumn(
                "cases.case_document", "id", "description", org.opennrm.cases.documents.CaseDocuments.DESCRIPTION);
    }

    /** A document's bytes, part by part: the part's key is its document's id and its position. */
    @Bean
    EncryptedColumn caseDocumentContent() {
        return new EncryptedColumn(
                "cases.case_document_part", "part_key", "content", org.opennrm.cases.documents.CaseDocuments.CONTENT);
    }

    @Bean
    EncryptedColumn personGivenName() {
        return person("given_name");
    }

    @Bean
    EncryptedColumn personFamilyName() {
        return person("family_name");
    }

    @Bean
    EncryptedColumn personOtherNames() {
        return person("other_names");
    }

    @Bean
    EncryptedColumn personDateOfBirth() {
        return person("date_of_birth");
    }

    @Bean
    EncryptedColumn personAgeEstimate() {
        return person("age_estimate");
    }

    @Bean
    EncryptedColumn personGender() {
        return person("gender");
    }

    @Bean
    EncryptedColumn personCitizenships() {
        return person("citizenships");
    }

    @Bean
    EncryptedColumn personLanguages() {
        return person("languages");
    }

    @Bean
    EncryptedColumn caseCircumstances() {
        return new EncryptedColumn("cases.case_file", "id", "circumstances", CaseFiles.CIRCUMSTANCES);
    }

    @Bean
    EncryptedColumn decisionReasons() {
        return new EncryptedColumn("cases.decision", "id", "reasons", CaseFiles.DECISION_REASONS);
    }

    @Bean
    EncryptedColumn decisionEvidence() {
        return new EncryptedColumn("cases.decision", "id", "evidence", CaseFiles.DECISION_EVIDENCE);
    }

    @Bean
    EncryptedColumn reviewReasons() {
        return new EncryptedColumn("cases.review", "id", "reasons", CaseFiles.REVIEW_REASONS);
    }

    @Bean
    EncryptedColumn timelineEventDescription() {
        return new EncryptedColumn("cases.timeline_event", "id", "description", CaseFiles.EVENT_DESCRIPTION);
    }

    @Bean
    EncryptedColumn bestInterestsSummary() {
        return new EncryptedColumn(
                "cases.best_interests_assessment", "id", "summary", CaseFiles.BEST_INTERESTS_SUMMARY);
    }

    /** The columns that versions before migration V440 kept in clear; V440 encrypts what they hold. */
    static final List<EncryptedColumn> ENCRYPTED_SINCE_V440 = List.of(
            new EncryptedColumn("cases.criminal_justice_track", "case_id", "proceedings", CaseFiles.PROCEEDINGS),
            new EncryptedColumn(
                    "cases.criminal_justice_track", "case_id", "protection_measures", CaseFiles.PROTECTION_MEASURES),
            new EncryptedColumn("cases.reopening", "id", "reason", CaseFiles.REOPENING_REASON),
            new EncryptedColumn("cases.anonymous_notification", "id", "region", AnonymousNotifications.REGION_CONTEXT));

    @Bean
    EncryptedColumn criminalJusticeProceedings() {
        return ENCRYPTED_SINCE_V440.get(0);
    }

    @Bean
    EncryptedColumn criminalJusticeProtectionMeasures() {
        return ENCRYPTED_SINCE_V440.get(1);
    }

    @Bean
    EncryptedColumn reopeningReason() {
        return ENCRYPTED_SINCE_V440.get(2);
    }

    @Bean
    EncryptedColumn anonymousNotificationRegion() {
        return ENCRYPTED_SINCE_V440.get(3);
    }

    private static EncryptedColumn person(String column) {
        return new EncryptedColumn("cases.person", "id", column, "cases.person." + column + ":");
    }
}
