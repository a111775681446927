package org.opennrm.organisations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partnership agreements of the NRM: the module's facade for agreements. Administrators and the
 * co-ordinator register and change them; everyone else reads only the agreements their organisation is
 * a party to, and any other agreement answers as if it did not exist.
 */
@Service
public class PartnershipAgreements {

    private static final String READ = "hasAnyAuthority('agreements:read:all','agreements:read:organisation')";
    private static final String MANAGE = "hasAuthority('agreements:manage:all')";

    /** Overdue reviews first, then by the date of the next review. */
    private final Comparator<Agreement> reviewOrder;

    private final Agreements agreements;
    private final Organisations organisations;
    private final Clock clock;

    PartnershipAgreements(Agreements agreements, Organisations organisations, Clock clock) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.clock = clock;
        this.reviewOrder = Comparator.comparing((Agreement agreement) -> !agreement.reviewOverdue(today()))
                .thenComparing(Agreement::nextReviewOn)
                .thenComparing(Agreement::title, String.CASE_INSENSITIVE_ORDER);
    }

    @Transactional
    @PreAuthorize(MANAGE)
    public Agreement register(AgreementDetails details) {
        refuseUnknownOrSuspendedParties(details, null);
        return agreements.save(Agreement.register(details, clock.instant()));
    }

    /**
     * Changes an agreement (amended, or reviewed with a new review date), if nobody changed it since
     * the caller read {@code expectedVersion}.
     */
    @Transactional
    @PreAuthorize(MANAGE)
    public Agreement change(UUID id, int expectedVersion, AgreementDetails details) {
        var agreement = agreements.findById(id).orElseThrow(() -> new RecordNotFound("agreement", id));
        if (agreement.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("Agreement " + id + " is at version " + agreement.version()
                    + ", the change was made on version " + expectedVersion);
        }
        refuseUnknownOrSuspendedParties(details, agreement);
        agreement.change(details, clock.instant());
        return agreements.save(agreement);
    }

    /** The agreements the person asking may read, overdue reviews first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Agreement> list() {
        return readable().stream().sorted(reviewOrder).toList();
    }

    /** The agreement, if it exists and the person asking may read it. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public Optional<Agreement> find(UUID id) {
        var reader = AgreementReader.current();
        return agreements.findById(id).filter(reader::mayRead);
    }

    /** Agreements whose review date has passed, among those the person asking may read, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<Agreement> reviewOverdue() {
        LocalDate today = today();
        return readable().stream()
                .filter(agreement -> agreement.reviewOverdue(today))
                .sorted(reviewOrder)
                .toList();
    }

    /**
     * The agreements an organisation is a party to, as far as the person asking may read them: none for
     * someone who reads no agreements, so that an organisation's page can show this list to everyone.
     */
    @Transactional(readOnly = true)
    public List<Agreement> partyTo(UUID organisationId) {
        var reader = AgreementReader.current();
        return agreements.findByParty(organisationId).stream()
                .filter(reader::mayRead)
                .sorted(reviewOrder)
                .toList();
    }

    /** Today in the platform's clock: the day against which reviews are overdue. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<Agreement> readable() {
        var reader = AgreementReader.current();
        if (reader.readsAll()) {
            return agreements.findAllByOrderByNextReviewOnAscTitleAsc();
        }
        return reader.organisationId().map(agreements::findByParty).orElse(List.of());
    }

    private void refuseUnknownOrSuspendedParties(AgreementDetails details, Agreement current) {
        for (var party : details.parties()) {
            if (party == null || party.organisationId() == null) {
                continue; // the agreement itself refuses a party without an organisation
            }
            var organisation = organisations
                    .findById(party.organisationId())
                    .orElseThrow(() -> new PartyUnknown(party.organisationId()));
            boolean alreadyParty = current != null && current.hasParty(organisation.id());
            if (!organisation.isActive() && !alreadyParty) {
                throw new PartyNotActive(organisation.id(), organisation.name());
            }
        }
    }
}
