package org.opennrm.organisations;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of partner organisations: the module's facade for the other modules and the pages. */
@Service
public class OrganisationRegistry {

    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationRegistry(Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Organisation register(OrganisationDetails details) {
        var organisation = organisations.save(Organisation.register(details, clock.instant()));
        events.publishEvent(new OrganisationRegistered(organisation.id(), organisation.sector()));
        return organisation;
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findByName(String name) {
        return organisations.findByNameIgnoreCase(name);
    }

    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return organisations.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public long count() {
        return organisations.count();
    }
}
