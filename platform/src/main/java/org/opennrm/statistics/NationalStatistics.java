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
    private final RoundingKey roundingKey;

    NationalStatistics(Facts facts, DisclosureControl disclosureControl, RoundingKey roundingKey) {
        this.facts = facts;
        this.disclosureControl = disclosureControl;
        this.roundingKey = roundingKey;
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
        return counted(request, rounding).table();
    }

    /** A table protected on its own, with the counts behind it (which never leave the statistics module). */
    record Counted(CountTable counts, ProtectedTable table) {}

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    Counted counted(TableRequest request, Rounding rounding) {
        var counts = facts.aggregate(request);
        return new Counted(counts, protect(request, counts, rounding));
    }

    /** The true count of one cell, for the joint check's own reasoning; never shown or published. */
    long count(CellDefinition cell) {
        return facts.count(cell);
    }

    private ProtectedTable protect(TableRequest request, CountTable counts, Rounding rounding) {
        return disclosureControl.protect(
                counts,
                rounding,
                (row, column) -> roundingKey.draw(CellDefinition.of(
                        request,
                        row < counts.rows().size() ? counts.rows().get(row) : null,
                        column < counts.columns().size() ? counts.columns().get(column) : null)));
    }
}
