package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Application;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CaseRuleViolation;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two installations in one test: this one (the sending NRM) and a second application context with its own
 * database and key (the receiving NRM of country BBB), which trusts the sender's public key only. A package goes
 * abroad only under the person's consent to share with BBB's NRM; the receiver imports it as a referral and a case
 * in its queue, or rejects it with a reason the signed notice to the sender carries.
 */
@PlatformTest
class CrossBorderRoundTripTests {

    static final String BBB_NRM = "National Referral Mechanism of BBB";
    static final String CCC_NRM = "National Referral Mechanism of CCC";

    @Autowired
    CrossBorderReferrals sender;

    @Autowired
    CrossBorderKeys senderKeys;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    UUID id(OrganisationRegistry registry, String name) {
        return registry.findByName(name).orElseThrow().id();
    }

    UUID bbbNrm() {
        return partner(BBB_NRM);
    }

    UUID partner(String name) {
        UUID office = id(organisations, "National Co-ordinator's Office");
        return organisations
                .findByName(name)
                .orElseGet(() -> SignedIn.as(
                        Role.ADMINISTRATOR,
                        office,
                        () -> organisations.register(new OrganisationDetails(
                                name,
                                Sector.OTHER,
                                Set.of(NrmRole.NATIONAL_COORDINATOR),
                                Set.of("co-ordination"),
                                Set.of(),
                                List.of()))))
                .id();
    }

    CaseId adultCaseSharingWith(UUID organisation) {
        UUID inspectorate = id(organisations, "State Labour Inspectorate");
        return SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(organisation)))
                .caseId();
    }

    @Test
    void aPersonWhoConsentedOnlyToADomesticHospitalIsNotSentAbroadAndOneWhoConsentedToTheReceivingNrmIs() {
        UUID office = id(organisations, "National Co-ordinator's Office");
        UUID hospital = id(organisations, "Central Hospital");
        bbbNrm();
        var hospitalOnly = adultCaseSharingWith(hospital);
        assertThatThrownBy(() ->
                        SignedIn.as(Role.CASE_MANAGER, office, () -> sender.export(hospitalOnly, "BBB", "Return")))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("crossBorder.consentMissing"));
        // a country whose NRM is not a registered partner: nobody could have consented to it
        assertThatThrownBy(() ->
                        SignedIn.as(Role.CASE_MANAGER, office, () -> sender.export(hospitalOnly, "DDD", "Return")))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("crossBorder.receiverNotRegistered"));

        SignedIn.run(
                Role.CASE_MANAGER,
                office,
                () -> cases.giveConsent(
                        hospitalOnly, null, new ConsentStatement(ConsentPurpose.SHARING, bbbNrm(), true)));
        String json = SignedIn.as(Role.CASE_MANAGER, office, () -> sender.export(hospitalOnly, "BBB", "Return"));
        assertThat(json).contains("\"receiverCountry\":\"BBB\"");
    }

    @Test
    void signedPackageOpensACaseAtAnotherInstallationAndChangedOrUnsignedOnesAreRefused() {
        UUID office = id(organisations, "National Co-ordinator's Office");
        var caseId = adultCaseSharingWith(bbbNrm());
        String json = SignedIn.as(
                Role.CASE_MANAGER, office, () -> sender.export(caseId, "bbb", "Safe return and reintegration"));
        assertThat(json)
                .contains("\"receiverCountry\":\"BBB\"")
                .contains("ForcedLabour")
                .contains("\"con_Consent\":[\"ASSISTANCE\"]")
                .doesNotContain("Testa")
                .doesNotContain("1990");
        String senderReference = SignedIn.as(Role.CASE_MANAGER, office, () -> cases.read(caseId))
                .details()
                .reference();

        {
            var receiverContext = receiver();
            var receiver = receiverContext.getBean(CrossBorderReferrals.class);
            var receiverCases = receiverContext.getBean(CaseManagement.class);
            var jdbc = receiverContext.getBean(JdbcClient.class);
            UUID receivingOffice =
                    id(receiverContext.getBean(OrganisationRegistry.class), "National Co-ordinator's Office");
            assertThat(receiverContext.getBean(CrossBorderKeys.class).publicKey())
                    .isNotEqualTo(senderKeys.publicKey());

            var received = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiver.receive(json));
            assertThat(received.contents().senderCountry()).isEqualTo(senderKeys.country());
            assertThat(received.status()).isEqualTo(ReceivedPackage.PENDING);

            var opened = SignedIn.as(
                    Role.CASE_MANAGER, receivingOffice, () -> receiver.importAsReferral(received.id(), null));

            // the case at the receiving NRM: identity stored encrypted and read back, consents as stated, the
            // sender's reference kept, in the queue, a referral recorded, everything audited
            var file = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiverCases.read(opened.caseId()));
            assertThat(file.person().gender()).isEqualTo("Feminine");
            assertThat(file.person().citizenships()).containsExactly("MDA");
            assertThat(file.person().languages()).containsExactly("ron");
            assertThat(file.person().ageEstimate()).isBetween(30, 40);
            assertThat(file.details().profile().exploitationForms()).containsExactly("ForcedLabour");
            assertThat(file.details().consents())
                    .filteredOn(consent -> consent.inForce())
                    .extracting(consent -> consent.purpose())
                    .containsExactly(ConsentPurpose.ASSISTANCE);
            assertThat(file.details().circumstances()).contains(senderReference).contains("Safe return");
            String storedGender = jdbc.sql(
                            "select gender from cases.person p join cases.case_file c on c.person_id = p.id"
                                    + " where c.id = :id")
                    .param("id", opened.caseId().value())
                    .query(String.class)
                    .single();
            assertThat(storedGender).isNotEqualTo("Feminine");
            assertThat(SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiverCases.queue(0)))
                    .extracting(entry -> entry.reference())
                    .contains(opened.reference());
            assertThat(jdbc.sql("select count(*) from referrals.referral where case_id = :id")
                            .param("id", opened.caseId().value())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(SignedIn.as(Role.CASE_MANAGER, receivingOffice, receiver::received))
                    .filteredOn(entry -> entry.id().equals(received.id()))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.status()).isEqualTo(ReceivedPackage.IMPORTED);
                        assertThat(entry.caseReference()).isEqualTo(opened.reference());
                        assertThat(entry.contents().senderReference()).isEqualTo(senderReference);
                    });
            assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = :type and record_id = :id"
                                    + " and detail like 'imported%'")
                            .param("type", CrossBorderReferrals.RECORD_TYPE)
                            .param("id", received.id().toString())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'case' and record_id = :id"
                                    + " and action = 'CREATE'")
                            .param("id", opened.caseId().toString())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // reviewed once: a second import is refused
            assertThatThrownBy(() -> SignedIn.as(
                            Role.CASE_MANAGER, receivingOffice, () -> receiver.importAsReferral(received.id(), null)))
                    .isInstanceOf(org.opennrm.RecordNotFound.class);

            // the same package again, and one made for another country, are refused by name
            assertRefused(receiver, receivingOffice, json, "crossBorder.repeated");
            SignedIn.run(
                    Role.CASE_MANAGER,
                    office,
                    () -> cases.giveConsent(
                            caseId, null, new ConsentStatement(ConsentPurpose.SHARING, partner(CCC_NRM), true)));
            String forAnother = SignedIn.as(
                    Role.CASE_MANAGER, office, () -> sender.export(caseId, "ccc", "Safe return and reintegration"));
            assertRefused(receiver, receivingOffice, forAnother, "crossBorder.wrongAddressee");
            var readdressed = forAnother.replace("\"receiverCountry\":\"CCC\"", "\"receiverCountry\":\"BBB\"");
            assertRefused(receiver, receivingOffice, readdressed, "crossBorder.tampered");

            var tampered = json.replace("Safe return and reintegration", "Send to the police");
            assertRefused(receiver, receivingOffice, tampered, "crossBorder.tampered");
            var unsigned = json.replaceAll("\"signature\":\"[^\"]*\"", "\"signature\":null");
            assertRefused(receiver, receivingOffice, unsigned, "crossBorder.unsigned");
            var untrustedSender =
                    json.replace("\"senderCountry\":\"" + senderKeys.country() + "\"", "\"senderCountry\":\"ZZZ\"");
            assertRefused(receiver, receivingOffice, untrustedSender, "crossBorder.unknownSender");
            assertRefused(receiver, receivingOffice, "{\"hello\":1}", "crossBorder.unreadable");
        }
    }

    @Test
    void aRejectedPackageKeepsItsReasonInTheSignedNoticeAndAChildsPackageWithoutAGuardianLeavesNothingWritten() {
        UUID office = id(organisations, "National Co-ordinator's Office");
        String forRejection = SignedIn.as(
                Role.CASE_MANAGER, office, () -> sender.export(adultCaseSharingWith(bbbNrm()), "BBB", "Return"));
        UUID guardian = SignedIn.as(Role.CASE_MANAGER, office, () -> cases.guardians())
                .getFirst()
                .accountId();
        UUID inspectorate = id(organisations, "State Labour Inspectorate");
        var child = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.childReferral(guardian)))
                .caseId();
        SignedIn.run(
                Role.CASE_MANAGER,
                office,
                () -> cases.giveConsent(child, null, new ConsentStatement(ConsentPurpose.SHARING, bbbNrm(), true)));
        String childPackage =
                SignedIn.as(Role.CASE_MANAGER, office, () -> sender.export(child, "BBB", "Family tracing"));

        {
            var receiverContext = receiver();
            var receiver = receiverContext.getBean(CrossBorderReferrals.class);
            var jdbc = receiverContext.getBean(JdbcClient.class);
            UUID receivingOffice =
                    id(receiverContext.getBean(OrganisationRegistry.class), "National Co-ordinator's Office");

            var toReject = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiver.receive(forRejection));
            assertThatThrownBy(() ->
                            SignedIn.run(Role.CASE_MANAGER, receivingOffice, () -> receiver.reject(toReject.id(), " ")))
                    .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("crossBorder.reasonMissing"));
            SignedIn.run(
                    Role.CASE_MANAGER,
                    receivingOffice,
                    () -> receiver.reject(toReject.id(), "The person is already assisted under another reference."));
            String stored = jdbc.sql("select reason from referrals.cross_border_notice where package_id = :id")
                    .param("id", toReject.id())
                    .query(String.class)
                    .single();
            assertThat(stored).doesNotContain("already assisted");
            String notice = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiver.notice(toReject.id()));
            var tree = JsonMapper.builder().build().readTree(notice);
            assertThat(tree.path("outcome").asString()).isEqualTo("REJECTED");
            assertThat(tree.path("reason").asString())
                    .isEqualTo("The person is already assisted under another reference.");
            assertThat(tree.path("receiverCountry").asString()).isEqualTo(senderKeys.country());
            assertThat(tree.path("senderCountry").asString()).isEqualTo("BBB");
            assertThat(tree.path("signature").asString()).isNotBlank();

            long casesBefore = jdbc.sql("select count(*) from cases.case_file")
                    .query(Long.class)
                    .single();
            var childReceived = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiver.receive(childPackage));
            assertThatThrownBy(() -> SignedIn.as(
                            Role.CASE_MANAGER,
                            receivingOffice,
                            () -> receiver.importAsReferral(childReceived.id(), null)))
                    .isInstanceOfSatisfying(CaseRuleViolation.class, refused -> assertThat(refused.messageKey())
                            .isEqualTo("caseRule.guardianMissing"));
            assertThat(jdbc.sql("select count(*) from cases.case_file")
                            .query(Long.class)
                            .single())
                    .isEqualTo(casesBefore);
            assertThat(jdbc.sql("select status from referrals.cross_border_package where id = :id")
                            .param("id", childReceived.id())
                            .query(String.class)
                            .single())
                    .isEqualTo(ReceivedPackage.PENDING);
            UUID receivingGuardian = SignedIn.as(Role.CASE_MANAGER, receivingOffice, receiver::guardians)
                    .getFirst()
                    .accountId();
            var opened = SignedIn.as(
                    Role.CASE_MANAGER,
                    receivingOffice,
                    () -> receiver.importAsReferral(childReceived.id(), receivingGuardian));
            var file = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiverContext
                    .getBean(CaseManagement.class)
                    .read(opened.caseId()));
            assertThat(file.details().ageCategory().childrensProcedure()).isTrue();
            assertThat(file.person().ageEstimate()).isEqualTo(15);
        }
    }

    /**
     * The receiving country's installation: a whole platform of its own (its own database and keys), started once for
     * the class, as it takes seconds, and stopped after it. Its tests tell their records apart by their ids.
     */
    private static ConfigurableApplicationContext receiving;

    private ConfigurableApplicationContext receiver() {
        if (receiving == null) {
            receiving = new SpringApplicationBuilder(Application.class)
                    .profiles("test")
                    .properties(
                            "server.port=0",
                            "opennrm.cross-border.country=BBB",
                            "opennrm.cross-border.trusted-keys." + senderKeys.country() + "=" + senderKeys.publicKey())
                    .run();
        }
        return receiving;
    }

    @org.junit.jupiter.api.AfterAll
    static void stopTheReceivingInstallation() {
        if (receiving != null) {
            receiving.close();
            receiving = null;
        }
    }

    private static void assertRefused(CrossBorderReferrals receiver, UUID office, String json, String key) {
        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> receiver.receive(json)))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo(key));
    }
}
