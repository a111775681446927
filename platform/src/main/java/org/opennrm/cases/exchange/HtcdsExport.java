package org.opennrm.cases.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.access.IdentityProtection;
import org.opennrm.cases.CaseHandovers;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.Persons;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Exports cases in the HTCDS v2.0 layout (JSON or CSV) for an authorised exchange with a receiving organisation
 * of the registry. Need to know: a file carries no identity unless asked, in which case it holds only the cases
 * whose consent covers sharing with that receiver (and says, in counts, how many were left out and why).
 *
 * <p>Every export is one entry in the audit trail (options and counts), written before the first case leaves.
 * A case whose identity leaves is an audited read of that case as well; a pseudonymous case is not, because
 * nothing that identifies the person leaves the platform (docs/htcds-export.md says why). The cases are read
 * and written one at a time from one consistent snapshot, so the counts announced match the file.
 */
@Service
public class HtcdsExport {

    static final String RECORD_TYPE = "htcds-export";
    static final String EXPORT = "hasAuthority('cases:export:all')";

    // identified reads are written to the audit trail in batches, each in a short transaction of its own
    private static final int AUDIT_BATCH = 200;

    private final HtcdsExports exports;
    private final IdentityProtection protection;
    private final OrganisationRegistry organisations;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate auditing;
    private final java.util.Optional<CaseHandovers> handovers;
    private CodeLists codeLists;

    /** National codes added in the pages are written as the standard code they map to (absent in hand-built tests). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void codeLists(CodeLists codeLists) {
        this.codeLists = codeLists;
    }

    private List<String> standard(String list, java.util.Collection<String> codes) {
        return codes.stream()
                .map(code -> codeLists == null ? code : codeLists.standard(list, code))
                .distinct()
                .toList();
    }

    HtcdsExport(
            HtcdsExports exports,
            IdentityProtection protection,
            OrganisationRegistry organisations,
            AuditTrail audit,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            org.springframework.beans.factory.ObjectProvider<CaseHandovers> handovers) {
        this.handovers = java.util.Optional.ofNullable(handovers.getIfAvailable());
        this.exports = exports;
        this.protection = protection;
        this.organisations = organisations;
        this.audit = audit;
        this.json = json;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        // the audit chain is locked while an entry is appended: never for the length of a download
        this.auditing = new TransactionTemplate(transactions);
        auditing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Where the file goes: opened once the counts are known (an API answer puts them in its headers). */
    @FunctionalInterface
    public interface Destination {
        OutputStream open(HtcdsExportSummary summary) throws IOException;
    }

    /** The organisations that can receive an export: the active ones of the registry, by name. */
    @PreAuthorize(EXPORT)
    public List<Organisation> receivers() {
        return organisations.all().stream()
                .filter(Organisation::isActive)
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The regions served by organisations of the registry, by name. */
    @PreAuthorize(EXPORT)
    public List<String> regions() {
        return organisations.all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)))
                .stream()
                .toList();
    }

    /** What an export would hold, in counts; nothing about any person is read. */
    @PreAuthorize(EXPORT)
    public HtcdsExportSummary preview(HtcdsExportRequest request) {
        var filter = filterOf(request);
        return snapshot.execute(status -> exports.summary(filter, request.identity()));
    }

    /** Writes the export to the destination and returns its counts. */
    @PreAuthorize(EXPORT)
    public HtcdsExportSummary export(HtcdsExportRequest request, Destination destination) throws IOException {
        var filter = filterOf(request);
        var exportId = UUID.randomUUID();
        var identified = new ArrayList<CaseId>();
        try {
            return snapshot.execute(status -> {
                var summary = exports.summary(filter, request.identity());
                auditing.executeWithoutResult(inner -> audit.record(
                        AuditAction.HTCDS_EXPORT,
                        RECORD_TYPE,
                        exportId,
                        request.auditDetail() + " " + summary.auditDetail()));
                var names = new HashMap<UUID, Organisation>();
                var pseudonyms = exports.pseudonyms(request.receiverId());
                // read in the export's own snapshot, so that a transfer made meanwhile is either wholly in or out
                var handovers =
                        this.handovers.map(CaseHandovers::latestOfEveryCase).orElse(Map.of());
                try (var out = destination.open(summary);
                        var writer = HtcdsLayout.writer(request.format(), out, request.identity(), json)) {
                    exports.forEach(filter, request.identity(), row -> {
                        if (request.identity()) {
                            // counted as read before it is written: a download cut off mid-case still logs it
                            identified.add(row.caseId());
                            if (identified.size() >= AUDIT_BATCH) {
                                auditReads(identified, exportId);
                            }
                        }
                        writer.write(recordOf(row, request, pseudonyms, names, handovers.get(row.caseId())));
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return summary;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            auditReads(identified, exportId);
        }
    }

    private void auditReads(List<CaseId> identified, UUID exportId) {
        if (identified.isEmpty()) {
            return;
        }
        auditing.executeWithoutResult(inner -> identified.forEach(caseId -> audit.record(
                AuditAction.READ, CaseManagement.RECORD_TYPE, caseId, "htcds export " + exportId + " identity")));
        identified.clear();
    }

    private HtcdsExports.Filter filterOf(HtcdsExportRequest request) {
        var receiver = organisations
                .find(request.receiverId())
                .filter(Organisation::isActive)
                .orElseThrow(HtcdsExportInvalid::receiver);
        Set<UUID> serving = null;
        if (request.region() != null) {
            serving = new LinkedHashSet<>();
            boolean known = false;
            for (var organisation : organisations.all()) {
                if (organisation.regionsServed().stream().anyMatch(request.region()::equalsIgnoreCase)) {
                    known = true;
                    serving.add(organisation.id());
                }
            }
            if (!known) {
                throw HtcdsExportInvalid.region();
            }
        }
        return new HtcdsExports.Filter(request.from(), request.to(), request.status(), serving, receiver.id());
    }

    private HtcdsCaseRecord recordOf(
            HtcdsExports.ExportRow row,
            HtcdsExportRequest request,
            Function<CaseId, String> pseudonyms,
            Map<UUID, Organisation> names,
            CaseHandovers.Handover handover) {
        var person = row.sealedPerson();
        var personId = row.personId();
        String birth = open(person, "date_of_birth", personId);
        String estimate = open(person, "age_estimate", personId);
        LocalDate dateOfBirth = birth == null ? null : LocalDate.parse(birth);
        List<String> languages = List.copyOf(CodeLists.split(open(person, "languages", personId)));
        var profile = row.profile();
        var referrer = organisation(row.referringOrganisationId(), names);
        var decider = organisation(row.decidingOrganisationId(), names);
        var handedTo = handover == null ? null : organisation(handover.organisationId(), names);
        boolean identity = request.identity();
        return new HtcdsCaseRecord(
                pseudonyms.apply(row.caseId()),
                HtcdsCodes.caseStatus(row.status(), row.closureReason()),
                HtcdsCodes.reasonForClosure(row.closureReason()),
                referrer == null ? null : referrer.name(),
                row.referredOn(),
                handedTo == null ? null : handedTo.name(),
                handover == null ? null : handover.on(),
                open(person, "gender", personId),
                List.copyOf(CodeLists.split(open(person, "citizenships", personId))),
                languages.isEmpty() ? null : languages.get(0),
                languages.size() < 2 ? null : languages.get(1),
                row.ageCategory().name(),
                HtcdsCodes.ageBand(dateOfBirth, estimate == null ? null : Integer.valueOf(estimate), row.referredOn()),
                HtcdsCodes.traffickingStatus(row.standingOutcome()),
                decider == null ? null : HtcdsCodes.decisionMakingOrganisation(decider.sector()),
                HtcdsCodes.exploitationForms(standard(CodeLists.EXPLOITATION_FORM, profile.exploitationForms())),
                List.copyOf(profile.sexualExploitationTypes()),
                standard(CodeLists.METHOD_OF_CONTROL, profile.methodsOfControl()),
                List.copyOf(profile.sectors()),
                standard(CodeLists.RECRUITMENT_METHOD, profile.recruitmentMethods()),
                standard(CodeLists.RECRUITMENT_PLATFORM, profile.recruitmentPlatforms()),
                profile.recruiterRelationship(),
                List.copyOf(new java.util.TreeSet<>(profile.recruitmentCountries())),
                List.copyOf(new java.util.TreeSet<>(profile.exploitationCountries())),
                events(row.events(), profile),
                row.sharingInForce(),
                identity
                        ? new HtcdsCaseRecord.Identity(
                                open(person, "given_name", personId),
                                open(person, "family_name", personId),
                                dateOfBirth)
                        : null);
    }

    /**
     * The timeline's events (type, date, country; never the description, which is free text about the person),
     * then the profile's countries of recruitment, transit and exploitation that no event names already.
     */
    static List<HtcdsCaseRecord.Event> events(List<String> stored, TraffickingProfile profile) {
        var events = new ArrayList<HtcdsCaseRecord.Event>();
        for (String joined : stored) {
            String[] parts = joined.split("\\|", -1);
            events.add(new HtcdsCaseRecord.Event(
                    blankToNull(parts[0]),
                    parts[1].isEmpty() ? null : LocalDate.parse(parts[1]),
                    blankToNull(parts[2])));
        }
        addCountries(events, "Recruitment", profile.recruitmentCountries());
        addCountries(events, "Transit", profile.transitCountries());
        addCountries(events, "Exploitation", profile.exploitationCountries());
        return events;
    }

    private static void addCountries(List<HtcdsCaseRecord.Event> events, String type, Set<String> countries) {
        for (String country : countries) {
            boolean named =
                    events.stream().anyMatch(event -> type.equals(event.type()) && country.equals(event.country()));
            if (!named) {
                events.add(new HtcdsCaseRecord.Event(type, null, country));
            }
        }
    }

    private String open(Map<String, String> sealed, String column, UUID personId) {
        String value = sealed.get(column);
        return value == null ? null : protection.decrypt(value, Persons.contextOf(column, personId));
    }

    private Organisation organisation(UUID id, Map<UUID, Organisation> known) {
        if (id == null) {
            return null;
        }
        return known.computeIfAbsent(id, missing -> organisations.find(missing).orElse(null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
