package org.opennrm.statistics;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics module's facade: other modules record coded facts here (or through events), and
 * statisticians and co-ordinators read the standard national tables, always after disclosure control.
 */
@Service
public class NationalStatistics {

    private final Facts facts;
    private final DisclosureControl disclosureControl;

    NationalStatistics(Facts facts, DisclosureControl disclosureControl) {
        this.facts = facts;
        this.disclosureControl = disclosureControl;
    }

    /** Records one coded fact. Called by the modules where the events happen; no identity goes in. */
    @Transactional
    public void record(Fact fact) {
        facts.add(fact);
    }

    /** A standard national table as it may be published: disclosure-controlled, with its check. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    ProtectedTable table(TableRequest request, Rounding rounding) {
        return disclosureControl.protect(facts.aggregate(request), rounding);
    }
}
