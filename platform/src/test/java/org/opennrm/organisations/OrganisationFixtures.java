package org.opennrm.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Synthetic organisations and agreements for tests, each with a name no other test uses. */
public final class OrganisationFixtures {

    private OrganisationFixtures() {}

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static OrganisationDetails organisation(String name, Sector sector, NrmRole... roles) {
        return new OrganisationDetails(
                name,
                sector,
                Set.of(roles),
                Set.of("SAFE_ACCOMMODATION"),
                Set.of("North Region"),
                List.of(new ContactPoint("Duty desk", "Referrals", "+000 000 0000", "duty@example.org")));
    }

    public static AgreementDetails agreement(
            String title, UUID first, UUID second, LocalDate signed, LocalDate review) {
        return new AgreementDetails(
                title,
                "Referral of presumed victims to safe accommodation within 24 hours.",
                List.of(
                        new AgreementParty(first, NrmRole.NATIONAL_COORDINATOR),
                        new AgreementParty(second, NrmRole.SERVICE_PROVIDER)),
                signed,
                review);
    }

    /** An organisation as the registry would hand it out after registering it, for tests without a database. */
    public static Organisation registered(OrganisationDetails details) {
        return Organisation.register(details, java.time.Instant.parse("2026-01-05T09:00:00Z"));
    }

    /** Runs facade calls as someone who manages organisations and agreements (the co-ordinator's grants). */
    public static <T> T asCoordinator(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        "fixture",
                        null,
                        "organisations:read:all",
                        "organisations:manage:all",
                        "agreements:read:all",
                        "agreements:manage:all"));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
