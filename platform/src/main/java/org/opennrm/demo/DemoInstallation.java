package org.opennrm.demo;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennrm.access.Account;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.AccountManagement.NewAccount;
import org.opennrm.access.Role;
import org.opennrm.organisations.AgreementDetails;
import org.opennrm.organisations.AgreementParty;
import org.opennrm.organisations.ContactPoint;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.OrganisationDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.organisations.PartnershipAgreements;
import org.opennrm.organisations.Sector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a demo installation on the first start: organisations across sectors, one account per role (passwords
 * printed once on the console), partnership agreements between them (one due for review soon, one overdue), so
 * that the co-ordinator's home page has its work, and a small national action plan. A later start finds organisations
 * and leaves all as is.
 * Everything here is invented; no real organisation or person is named.
 */
@Component
@ConditionalOnProperty(name = "opennrm.demo.enabled", havingValue = "true")
class DemoInstallation implements ApplicationRunner {

    private final OrganisationRegistry organisations;
    private final PartnershipAgreements agreements;
    private final AccountManagement accounts;
    private final TransactionTemplate transaction;
    private final DemoActionPlan actionPlan;
    private final String fixedPassword;
    private final SecureRandom random = new SecureRandom();

    DemoInstallation(
            OrganisationRegistry organisations,
            PartnershipAgreements agreements,
            AccountManagement accounts,
            TransactionTemplate transaction,
            DemoActionPlan actionPlan,
            @Value("${opennrm.demo.password:}") String fixedPassword) {
        this.organisations = organisations;
        this.agreements = agreements;
        this.accounts = accounts;
        this.transaction = transaction;
        this.actionPlan = actionPlan;
        this.fixedPassword = fixedPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (organisations.count() > 0) {
            return;
        }
        Map<String, String> printed = transaction.execute(status -> seed());
        var out = new StringBuilder("\n=== OpenNRM demo installation created. Accounts (passwords shown only now):\n");
        printed.forEach((username, password) -> out.append(String.format("    %-16s %s%n", username, password)));
        out.append("Roles that open case files set up an authenticator app at their first sign-in.\n");
        System.out.println(out);
    }

    private Map<String, String> seed() {
        UUID office = register(
                "National Co-ordinator's Office",
                Sector.OTHER,
                Set.of(NrmRole.NATIONAL_COORDINATOR),
                Set.of("co-ordination", "case management"),
                "National");
        UUID panel = register(
                "Multi-agency Identification Panel",
                Sector.SOCIAL_SERVICES,
                Set.of(NrmRole.IDENTIFICATION_AUTHORITY),
                Set.of("identification"),
                "National");
        UUID shelter = register(
                "Safe Harbour Shelter",
                Sector.NGO,
                Set.of(NrmRole.SERVICE_PROVIDER, NrmRole.REFERRER),
                Set.of("safe accommodation", "psychological support", "outreach"),
                "North Region");
        UUID inspectorate = register(
                "State Labour Inspectorate",
                Sector.LABOUR_INSPECTORATE,
                Set.of(NrmRole.REFERRER),
                Set.of("workplace inspection"),
                "National");
        UUID police = register(
                "City Police Anti-Trafficking Unit",
                Sector.POLICE,
                Set.of(NrmRole.REFERRER),
                Set.of("investigation"),
                "Capital City");
        UUID hospital = register(
                "Central Hospital",
                Sector.HEALTH,
                Set.of(NrmRole.REFERRER, NrmRole.SERVICE_PROVIDER),
                Set.of("medical care"),
                "Capital City");
        UUID social = register(
                "Municipal Social Services",
                Sector.SOCIAL_SERVICES,
                Set.of(NrmRole.REFERRER, NrmRole.SERVICE_PROVIDER),
                Set.of("guardianship", "social assistance"),
                "Capital City");
        UUID rapporteur = register(
                "Office of the National Rapporteur",
                Sector.OMBUDSMAN_OR_NATIONAL_RAPPORTEUR,
                Set.of(NrmRole.NATIONAL_RAPPORTEUR),
                Set.of("monitoring", "statistics"),
                "National");

        UUID court =
                register("District Court", Sector.JUDICIARY, Set.of(), Set.of("criminal proceedings"), "Capital City");
        // the agencies that own the targeted-prevention tools: they refer nobody themselves, so they hold no NRM role
        UUID fiu = register(
                "Financial Intelligence Unit",
                Sector.FINANCIAL_INTELLIGENCE_UNIT,
                Set.of(),
                Set.of("financial intelligence"),
                "National");
        UUID procurement = register(
                "Public Procurement Office", Sector.PUBLIC_PROCUREMENT, Set.of(), Set.of("procurement"), "National");

        Map<String, String> passwords = new LinkedHashMap<>();
        account(passwords, "admin", "Demo Administrator", office, Role.ADMINISTRATOR);
        var coordinator = account(passwords, "coordinator", "Demo Co-ordinator", office, Role.COORDINATOR);
        account(passwords, "casemanager", "Demo Case Manager", office, Role.CASE_MANAGER);
        account(passwords, "identification", "Demo Identification Officer", panel, Role.IDENTIFICATION_OFFICER);
        var inspector = account(passwords, "inspector", "Demo Labour Inspector", inspectorate, Role.REFERRER);
        account(passwords, "shelter", "Demo Shelter Worker", shelter, Role.SERVICE_PROVIDER);
        account(passwords, "guardian", "Demo Guardian", social, Role.GUARDIAN);
        account(passwords, "statistician", "Demo Statistician", rapporteur, Role.STATISTICIAN);
        var today = agreements.today();
        asCoordinator(coordinator, () -> {
            agreement(
                    "NRM co-operation protocol",
                    "Who refers, who identifies and who assists presumed victims, and how case data is shared.",
                    today.minusYears(2).minusMonths(3),
                    // due for review within the month: the co-ordinator's home page shows it coming
                    today.plusDays(12),
                    new AgreementParty(office, NrmRole.NATIONAL_COORDINATOR),
                    new AgreementParty(panel, NrmRole.IDENTIFICATION_AUTHORITY),
                    new AgreementParty(inspectorate, NrmRole.REFERRER),
                    new AgreementParty(police, NrmRole.REFERRER),
                    new AgreementParty(shelter, NrmRole.SERVICE_PROVIDER));
            agreement(
                    "Safe accommodation for presumed victims",
                    "Places in the shelter on the NRM's referral, day and night, and the assistance that comes with them.",
                    today.minusYears(3),
                    // its yearly review has passed: overdue on the co-ordinator's home page
                    today.minusDays(20),
                    new AgreementParty(office, NrmRole.NATIONAL_COORDINATOR),
                    new AgreementParty(shelter, NrmRole.SERVICE_PROVIDER),
                    new AgreementParty(social, NrmRole.SERVICE_PROVIDER));
            agreement(
                    "Health care for presumed victims",
                    "Medical examination and care without charge during the recovery and reflection period.",
                    today.minusMonths(8),
                    today.plusMonths(16),
                    new AgreementParty(office, NrmRole.NATIONAL_COORDINATOR),
                    new AgreementParty(hospital, NrmRole.SERVICE_PROVIDER));
        });
        actionPlan.seed(new DemoActionPlan.Parties(
                DemoActors.actorOf(coordinator),
                DemoActors.actorOf(inspector),
                office,
                inspectorate,
                shelter,
                police,
                social));
        account(passwords, "court", "Demo Court Registrar", court, Role.AGENCY_REPORTER);
        account(passwords, "rapporteur", "Demo Second Statistician", rapporteur, Role.STATISTICIAN);
        account(passwords, "prevention", "Demo Prevention Officer", office, Role.PREVENTION_OFFICER);
        account(passwords, "planner", "Demo Inspection Planner", inspectorate, Role.INSPECTION_PLANNER);
        account(passwords, "adanalyst", "Demo Ad Analyst", police, Role.AD_ANALYST);
        account(passwords, "fiu", "Demo Financial Analyst", fiu, Role.FINANCIAL_ANALYST);
        account(passwords, "procurement", "Demo Procurement Officer", procurement, Role.PROCUREMENT_OFFICER);
        return passwords;
    }

    private void agreement(
            String title, String scope, LocalDate signedOn, LocalDate nextReviewOn, AgreementParty... parties) {
        agreements.register(new AgreementDetails(title, scope, List.of(parties), signedOn, nextReviewOn));
    }

    /** Registers the demo agreements as the co-ordinator would, with the co-ordinator's grants. */
    private static void asCoordinator(Account coordinator, Runnable work) {
        DemoActors.as(DemoActors.actorOf(coordinator), () -> {
            work.run();
            return null;
        });
    }

    private UUID register(String name, Sector sector, Set<NrmRole> roles, Set<String> services, String region) {
        var contacts = new ArrayList<ContactPoint>();
        contacts.add(new ContactPoint("Duty desk", "Referrals", "+000 000 0000", "duty@example.org"));
        return organisations
                .register(new OrganisationDetails(name, sector, roles, services, Set.of(region), List.copyOf(contacts)))
                .id();
    }

    private Account account(Map<String, String> passwords, String username, String name, UUID organisation, Role role) {
        String password = fixedPassword.isBlank() ? newPassword() : fixedPassword;
        var account = accounts.create(
                new NewAccount(username, name, username + "@example.org", organisation, Set.of(role), password));
        passwords.put(username, password);
        return account;
    }

    private String newPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
