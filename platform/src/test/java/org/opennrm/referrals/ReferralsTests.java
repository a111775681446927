package org.opennrm.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.OpenCase;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationFixtures;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PlatformTest
class ReferralsTests {

    @Autowired
    Referrals referrals;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    static ReferralRequest adult(UUID sharingWith) {
        OpenCase request = CaseFixtures.adultReferral(sharingWith);
        return new ReferralRequest(
                request.person(),
                request.ageInDoubt(),
                request.circumstances(),
                request.profile(),
                request.consents(),
                request.events(),
                request.guardianAccountId(),
                request.screeningId());
    }

    @Test
    void seedRecordsAReferralWithoutASignedInUser() {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var inspector = accounts.all().stream()
                .filter(account -> account.organisationId().equals(inspectorate))
                .findFirst()
                .orElseThrow()
                .id();

        var receipt = referrals.referFor(inspectorate, inspector, adult(inspectorate));

        assertThat(receipt.reference()).startsWith("NRM-");
        var stored = jdbc.sql("select referred_by from referrals.referral where id = :id")
                .param("id", receipt.referralId())
                .query(UUID.class)
                .single();
        assertThat(stored).isEqualTo(inspector);
        var mine = SignedIn.as(Role.REFERRER, inspectorate, () -> referrals.mine());
        assertThat(mine).extracting(MyReferral::reference).contains(receipt.reference());
    }

    @Test
    void organisationWithoutTheReferrerRoleOrSuspendedCannotRefer() {
        var panel = organisations
                .findByName("Multi-agency Identification Panel")
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, panel, () -> referrals.refer(adult(panel))))
                .isInstanceOf(Referrals.ReferralRefused.class);

        var outreach = organisations
                .register(OrganisationFixtures.organisation(
                        OrganisationFixtures.uniqueName("Night Outreach"), Sector.NGO, NrmRole.REFERRER))
                .id();
        var office = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        SignedIn.as(Role.COORDINATOR, office, () -> organisations.suspend(outreach));
        long before = jdbc.sql("select count(*) from cases.case_file")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> SignedIn.as(Role.REFERRER, outreach, () -> referrals.refer(adult(outreach))))
                .isInstanceOf(Referrals.ReferralRefused.class)
                .hasMessageContaining("active organisation with the referrer role");
        assertThat(jdbc.sql("select count(*) from cases.case_file")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void statusFollowsTheCase() {
        var progress = new org.opennrm.cases.CaseProgress(
                org.opennrm.cases.CaseId.of(UUID.randomUUID()),
                "NRM-2026-000009",
                org.opennrm.cases.CaseStatus.OPEN,
                org.opennrm.cases.Stage.REFERRED,
                null,
                null);
        assertThat(ReferralStatus.of(progress)).isEqualTo(ReferralStatus.SENT);
        assertThat(ReferralStatus.of(new org.opennrm.cases.CaseProgress(
                        progress.caseId(),
                        progress.reference(),
                        org.opennrm.cases.CaseStatus.OPEN,
                        org.opennrm.cases.Stage.PRELIMINARY_DECISION,
                        org.opennrm.cases.DecisionOutcome.NOT_PRESUMED,
                        java.time.LocalDate.now())))
                .isEqualTo(ReferralStatus.DECIDED);
        assertThat(ReferralStatus.of(new org.opennrm.cases.CaseProgress(
                        progress.caseId(),
                        progress.reference(),
                        org.opennrm.cases.CaseStatus.OPEN,
                        org.opennrm.cases.Stage.IN_ASSISTANCE,
                        org.opennrm.cases.DecisionOutcome.PRESUMED_VICTIM,
                        java.time.LocalDate.now())))
                .isEqualTo(ReferralStatus.IN_ASSISTANCE);
        assertThat(ReferralStatus.of(new org.opennrm.cases.CaseProgress(
                        progress.caseId(),
                        progress.reference(),
                        org.opennrm.cases.CaseStatus.CLOSED,
                        org.opennrm.cases.Stage.IN_ASSISTANCE,
                        org.opennrm.cases.DecisionOutcome.PRESUMED_VICTIM,
                        java.time.LocalDate.now())))
                .isEqualTo(ReferralStatus.CLOSED);
    }
}
