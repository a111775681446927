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
    private final Ledger ledger;
    private final JointDisclosure joint;

    NationalStatistics(
            Facts facts,
            DisclosureControl disclosureControl,
            RoundingKey roundingKey,
            Ledger ledger,
            org.opennrm.statistics.publishing.CategoryLabels labels,
            org.opennrm.statistics.publishing.JointReasons reasons) {
        this.facts = facts;
        this.disclosureControl = disclosureControl;
        this.roundingKey = roundingKey;
        this.ledger = ledger;
        this.joint = new JointDisclosure(
                disclosureControl.minimumCellSize(),
                disclosureControl.protectionRange(),
                (dimension, category) -> labels.label(dimension, category, java.util.Locale.ENGLISH),
                reasons);
    }

    /** Records one coded fact. Called by the modules where the events happen; no identity goes in. */
    @Transactional
    public void record(Fact fact) {
        facts.add(fact);
    }

    /** Records a case's referral and remembers which fact it is, so that a later profile change can reach it. */
    @Transactional
    void recordReferral(java.util.UUID caseId, java.util.UUID organisationId, Fact referral) {
        facts.rememberReferral(caseId, organisationId, facts.add(referral));
    }

    /**
     * Gives the case's referral fact the profile of {@code profile} (its forms, methods of control, sectors, recruiter,
     * countries of exploitation, vulnerabilities and recruitment); false when the referral was recorded before facts
     * followed profiles. Tables count the new codes from now on; what was published stays in the ledger as published.
     */
    @Transactional
    boolean changeReferralProfile(java.util.UUID caseId, Fact profile) {
        return facts.changeReferralProfile(caseId, profile);
    }

    /**
     * A standard national table as it may be shown or downloaded: disclosure-controlled on its own and then checked
     * jointly against everything published (the ledger), so that it never reveals a cell through an earlier release.
     * It is not itself written to the ledger: what leaves the office for good goes through a release. Prevention
     * officers reach it only through the published trends and cross-tables; the statistics pages and API check
     * {@code statistics:read:all} themselves.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyAuthority('statistics:read:all', 'prevention:read:all')")
    ProtectedTable table(TableRequest request, Rounding rounding) {
        var counted = counted(request, rounding);
        var candidate = new JointDisclosure.Candidate(
                "this table",
                request,
                TableView.of(request, counted.table()),
                counted.counts().withTotals());
        var outcome = joint.protect(
                java.util.List.of(candidate),
                ledger.overlapping(java.util.List.of(request)),
                knowledge(java.util.List.of(request)));
        return outcome.tables().getFirst().asProtectedTable();
    }

    /** What a reader knows about ages in these tables' facts, and the true counts for the joint check's own use. */
    JointDisclosure.Knowledge knowledge(java.util.List<TableRequest> requests) {
        java.util.Map<String, Long> counted = new java.util.HashMap<>();
        return new JointDisclosure.Knowledge(
                ledger.ageBandsNest(requests),
                // an agency's figure is no fact: its truth is not known here (-1), so no difference of it is skipped
                cell -> cell.event() == EventKind.AGENCY_FIGURE
                        ? -1
                        : counted.computeIfAbsent(cell.canonical(), key -> facts.count(cell)));
    }

    /** A table protected on its own, with the counts behind it (which never leave the statistics module). */
    record Counted(CountTable counts, ProtectedTable table) {}

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('statistics:read:all')")
    Counted counted(TableRequest request, Rounding rounding) {
        if (request.event() == EventKind.AGENCY_FIGURE) {
            throw new org.opennrm.RuleViolation(
                    "statistics.problem.agencyFigures",
                    "Agencies' figures are not facts: they are published only with an official return.");
        }
        var counts = facts.aggregate(request);
        return new Counted(counts, protect(request, counts, rounding));
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
