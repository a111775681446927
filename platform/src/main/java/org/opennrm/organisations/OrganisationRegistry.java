package org.opennrm.organisations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.KeptRead;
import org.opennrm.RecordNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of partner organisations: the module's facade for the other modules and the pages.
 * Reading is open to every module (referrals need to know who receives them); changes need
 * {@code organisations:manage:all}. {@link #register} carries no check of its own because the
 * installation seeds the first organisations before anyone can sign in; the pages and the API that
 * expose it check the permission.
 */
@Service
public class OrganisationRegistry {

    private final Organisations organisations;
    private final Clock clock;
    private final OrganisationChanges changes;
    private final TransactionTemplate reload;

    /**
     * Every organisation as last loaded, kept with the fingerprint of the ids and versions it was loaded at.
     * Loading the aggregates takes one query per organisation and collection (a third of the CPU time of a case
     * page, measured), while the registry changes a few times a year. The fingerprint is one query and also sees
     * changes made through another node; it is checked at most once per
     * {@code opennrm.organisations.registry-check-ttl} (default 1 s), and at once after a change made through
     * this process ({@link OrganisationChanges}). Why: it was one of the dozen statements of every case page.
     */
    private final KeptRead<List<Organisation>> kept;

    OrganisationRegistry(
            Organisations organisations,
            JdbcClient jdbc,
            Clock clock,
            OrganisationChanges changes,
            @Value("${opennrm.organisations.registry-check-ttl:PT1S}") Duration checkInterval,
            PlatformTransactionManager transactions) {
        this.organisations = organisations;
        this.clock = clock;
        this.changes = changes;
        this.reload = new TransactionTemplate(transactions);
        this.reload.setReadOnly(true);
        // every save of an aggregate raises its root's version, so ids and versions identify what is stored
        this.kept = new KeptRead<>(
                changes,
                checkInterval,
                () -> jdbc.sql("""
                                select coalesce(md5(string_agg(id::text || '/' || version, ',' order by id)), '')
                                from organisations.organisation""").query(String.class).single(),
                () -> List.copyOf(organisations.findAllByOrderByNameAsc()));
    }

    @Transactional
    public Organisation register(OrganisationDetails details) {
        refuseTakenName(details.name(), null);
        return save(Organisation.register(details, clock.instant()));
    }

    /**
     * Changes what is known about an organisation, if nobody changed it since the caller read
     * {@code expectedVersion}; otherwise an {@link OptimisticLockingFailureException} tells the second
     * writer, whose input is then shown back to them.
     */
    @Transactional
    @PreAuthorize("hasAuthority('organisations:manage:all')")
    public Organisation change(UUID id, int expectedVersion, OrganisationDetails details) {
        var organisation = existing(id);
        if (organisation.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("Organisation " + id + " is at version "
                    + organisation.version() + ", the change was made on version " + expectedVersion);
        }
        refuseTakenName(details.name(), id);
        organisation.change(details, clock.instant());
        return save(organisation);
    }

    @Transactional
    @PreAuthorize("hasAuthority('organisations:manage:all')")
    public Organisation suspend(UUID id) {
        var organisation = existing(id);
        organisation.suspend(clock.instant());
        return save(organisation);
    }

    @Transactional
    @PreAuthorize("hasAuthority('organisations:manage:all')")
    public Organisation reactivate(UUID id) {
        var organisation = existing(id);
        organisation.reactivate(clock.instant());
        return save(organisation);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findByName(String name) {
        return organisations.findByNameIgnoreCase(name);
    }

    /**
     * Every organisation by name, suspended ones included (they are marked, never hidden). No transaction while
     * the kept list is current: almost every call returns it unchanged, and opening and closing a read-only
     * transaction around that was 2 % of the CPU time of a case page (measured by profile, 5,000 cases).
     */
    public List<Organisation> all() {
        var current = kept.ifCurrent();
        return current != null ? current : reload.execute(status -> kept.checked());
    }

    /**
     * The region of that name as some organisation registers it among the regions it serves (compared without case
     * and surrounding spaces); empty for any other text. A region typed on a form leaves its module only this way, so
     * that free text never travels as a region.
     */
    public Optional<String> servedRegion(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .filter(region -> region.strip().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The organisations that match, by name. A registry holds hundreds, not millions: filtered here. */
    public List<Organisation> search(OrganisationSearch search) {
        return all().stream().filter(search::matches).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return organisations.count();
    }

    private Organisation existing(UUID id) {
        return organisations.findById(id).orElseThrow(() -> new RecordNotFound("organisation", id));
    }

    private void refuseTakenName(String name, UUID self) {
        if (name == null || name.isBlank()) {
            return;
        }
        organisations
                .findByNameIgnoreCase(name.strip())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new OrganisationNameTaken(name.strip());
                });
    }

    private static boolean causedByDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private Organisation save(Organisation organisation) {
        changes.changed();
        try {
            return organisations.save(organisation);
        } catch (RuntimeException e) {
            // two registrations of the same name at the same moment: the unique index decides
            if (causedByDuplicateKey(e)) {
                throw new OrganisationNameTaken(organisation.name());
            }
            throw e;
        }
    }
}
