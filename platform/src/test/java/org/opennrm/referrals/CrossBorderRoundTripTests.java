package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.Application;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Two installations in one test: this one (the sending NRM) and a second application context with its own
 * database and key (the receiving NRM of country BBB), which trusts the sender's public key only.
 */
@PlatformTest
class CrossBorderRoundTripTests {

    @Autowired
    CrossBorderReferrals sender;

    @Autowired
    CrossBorderKeys senderKeys;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @Test
    void signedPackageTravelsToAnotherInstallationAndChangedOrUnsignedOnesAreRefused() {
        UUID inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        UUID office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        var caseId = SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)))
                .caseId();
        String json = SignedIn.as(
                Role.CASE_MANAGER, office, () -> sender.export(caseId, "bbb", "Safe return and reintegration"));
        assertThat(json)
                .contains("\"receiverCountry\":\"BBB\"")
                .contains("ForcedLabour")
                .doesNotContain("Testa");

        try (var receiverContext = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "opennrm.cross-border.country=BBB",
                        "opennrm.cross-border.trusted-keys." + senderKeys.country() + "=" + senderKeys.publicKey())
                .run()) {
            var receiver = receiverContext.getBean(CrossBorderReferrals.class);
            UUID receivingOffice = receiverContext
                    .getBean(OrganisationRegistry.class)
                    .findByName("National Co-ordinator's Office")
                    .orElseThrow()
                    .id();
            assertThat(receiverContext.getBean(CrossBorderKeys.class).publicKey())
                    .isNotEqualTo(senderKeys.publicKey());

            var received = SignedIn.as(Role.CASE_MANAGER, receivingOffice, () -> receiver.receive(json));
            assertThat(received.contents().senderCountry()).isEqualTo(senderKeys.country());
            assertThat(received.contents().vic_TypeOfExploitation()).contains("ForcedLabour");
            assertThat(received.status()).isEqualTo(ReceivedPackage.PENDING);

            SignedIn.run(Role.CASE_MANAGER, receivingOffice, () -> receiver.review(received.id(), true));
            assertThat(SignedIn.as(Role.CASE_MANAGER, receivingOffice, receiver::received))
                    .filteredOn(entry -> entry.id().equals(received.id()))
                    .singleElement()
                    .extracting(ReceivedPackage::status)
                    .isEqualTo(ReceivedPackage.IMPORTED);

            // the same package again, and one made for another country, are refused by name
            assertRefused(receiver, receivingOffice, json, "crossBorder.repeated");
            String forAnother = SignedIn.as(
                    Role.CASE_MANAGER, office, () -> sender.export(caseId, "ccc", "Safe return and reintegration"));
            assertRefused(receiver, receivingOffice, forAnother, "crossBorder.wrongAddressee");

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

    private static void assertRefused(CrossBorderReferrals receiver, UUID office, String json, String key) {
        assertThatThrownBy(() -> SignedIn.as(Role.CASE_MANAGER, office, () -> receiver.receive(json)))
                .isInstanceOfSatisfying(ServiceReferralRefused.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo(key));
    }
}
