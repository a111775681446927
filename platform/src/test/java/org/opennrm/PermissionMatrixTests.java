package org.opennrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The permission matrix: for every endpoint of the platform and every role, the request is allowed
 * exactly when the role holds a grant the policy below requires, and denied (403) otherwise. The policy
 * is written here independently of the code that enforces it; an endpoint without a policy fails the
 * test, so a new page or API cannot slip in unprotected. Nothing may answer with a server error.
 */
@PlatformTest
class PermissionMatrixTests {

    /** Any fully signed-in person. */
    static final String SIGNED_IN = "SIGNED_IN";
    /** Between password and second factor only. */
    static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";
    /** No sign-in needed. */
    static final String PUBLIC = "PUBLIC";

    /** First matching rule wins: "METHOD path-pattern" -> grants of which one is needed. */
    static final Map<Pattern, Set<String>> POLICY = new LinkedHashMap<>();

    /** Endpoints about one record, where a refusal may also be a 404 so as not to reveal the record. */
    static final Set<Pattern> SCOPED = new java.util.HashSet<>();

    static {
        rule("GET /(login|error|favicon\\.ico)", PUBLIC);
        rule("(GET|POST) /sign-in/second-factor.*", SECOND_FACTOR_PENDING);
        rule("GET /", SIGNED_IN);

        // organisations: the directory is open to every role; changing it is for administrators and co-ordinators
        rule("GET /organisations/(new|\\{id\\}/edit)", "organisations:manage:all");
        rule("POST /organisations.*", "organisations:manage:all");
        rule("GET /organisations.*", "organisations:read:all");
        rule("(POST|PUT) /api/v1/organisations.*", "organisations:manage:all");
        rule("GET /api/v1/organisations.*", "organisations:read:all");

        // agreements: read within scope (own organisation's or all), manage for all
        rule("GET /agreements/(new|\\{id\\}/edit)", "agreements:manage:all");
        rule("POST /agreements.*", "agreements:manage:all");
        rule("GET /agreements/overdue-panel", "agreements:read:all", "agreements:read:organisation");
        rule("GET /agreements.*", "agreements:read:all", "agreements:read:organisation");
        rule("(POST|PUT) /api/v1/agreements.*", "agreements:manage:all");
        rule("GET /api/v1/agreements.*", "agreements:read:all", "agreements:read:organisation");

        // accounts: administrators manage, co-ordinators read
        rule("GET /accounts/(new|\\{id\\}/edit)", "accounts:manage:all");
        rule("POST /accounts.*", "accounts:manage:all");
        rule("GET /accounts.*", "accounts:read:all");
        rule("(POST|PUT|DELETE) /api/v1/accounts.*", "accounts:manage:all");
        rule("GET /api/v1/accounts.*", "accounts:read:all");

        // one's own account, password and tokens
        rule("(GET|POST) /account/tokens.*", "tokens:manage:own");
        rule("(GET|POST) /account.*", SIGNED_IN);
        rule("GET /api/v1/me", SIGNED_IN);
        rule("(GET|POST|DELETE) /api/v1/tokens.*", "tokens:manage:own");

        // screening: referrers and case managers screen; the catalogues themselves are open reference data
        rule("(GET|POST) /screening.*", "screening:perform:own");
        // the checklists themselves are changed by administrators, each change a new version
        rule("(GET|POST) /settings/checklists.*", "checklists:manage:all");
        // national code-list extensions: the same administrators who change the checklists
        rule("(GET|POST) /settings/code-lists.*", "checklists:manage:all");
        rule("GET /api/v1/screening/catalogues.*", SIGNED_IN);
        rule("GET /api/v1/screening/checklists.*", "screening:perform:own");
        rule("(GET|POST) /api/v1/screenings.*", "screening:perform:own");

        // cases: the NRM's case managers, identification officers and co-ordinator; a case page is also
        // scoped to the record (service providers and guardians see the cases shared with them), so a
        // refusal there may be a 404 that hides whether the case exists
        rule("GET /cases/queue", "cases:read:all");
        rule("GET /api/v1/cases/queue", "cases:read:all");
        rule("(GET|POST) /cases/\\{id\\}/decisions/.*", "decisions:take:all");
        rule("POST /api/v1/cases/\\{id\\}/decisions/.*", "decisions:take:all");
        // erasure and legal hold: the co-ordinator's (and administrator's) data protection duties
        rule("(GET|PUT|DELETE) /api/v1/cases/\\{id\\}/legal-hold", "retention:manage:all");
        rule("POST /api/v1/cases/\\{id\\}/erasure", "retention:manage:all");
        rule("GET /settings/retention", "retention:manage:all");
        rule("(GET|POST) /cases/\\{id\\}/profile", "cases:write:all");
        rule(
                "POST /cases/\\{id\\}/(consents|consents/withdraw|best-interests)",
                "cases:write:all",
                "child:represent:own");
        rule("POST /api/v1/cases/\\{id\\}/consents/.*", "cases:write:all", "child:represent:own");
        rule("POST /cases/\\{id\\}/(guardian|age-assessment|events|assistance|close)", "cases:write:all");
        // the case page's forms, fetched when opened: each for those who may send it
        rule("GET /cases/\\{id\\}/forms/\\{form:consent\\|best-interests\\}", "cases:write:all", "child:represent:own");
        rule("GET /cases/\\{id\\}/forms/\\{form:guardian\\|age-assessment\\|event\\}", "cases:write:all");
        scoped("GET /cases/\\{id\\}", "cases:read:all", "cases:read:organisation", "cases:read:own");
        scoped("GET /api/v1/cases/\\{id\\}", "cases:read:all", "cases:read:organisation", "cases:read:own");

        // HTCDS exports of cases for an authorised exchange: the NRM's case managers and the co-ordinator
        rule("GET /exports/htcds.*", "cases:export:all");
        rule("GET /api/v1/exports/htcds", "cases:export:all");

        // referrals into the NRM: any referring organisation; its own referrals only
        rule("(GET|POST) /referrals/(new|anonymous)", "referrals:create:organisation");
        rule("POST /api/v1/(referrals|notifications/anonymous)", "referrals:create:organisation");
        rule("GET /referrals/mine", "referrals:read:organisation", "referrals:read:all");
        rule("GET /referrals/panels/referrer", "referrals:read:organisation");
        rule("GET /referrals/panels/services", "cases:read:organisation");
        rule("GET /cases/panels/nrm", "cases:read:all");
        rule("GET /cases", "cases:read:all");
        rule("POST /cases/\\{id\\}/(erase|legal-hold)", "retention:manage:all");
        rule("GET /cases/\\{id\\}/notes", "cases:read:all");
        rule("GET /cases/\\{id\\}/information", "cases:read:all");
        rule("POST /cases/\\{id\\}/notes", "cases:write:all");
        // a case's documents: read as the case page is read (others are told the case does not exist)
        scoped("GET /cases/\\{id\\}/documents(/\\{documentId\\})?", "cases:read:all", "cases:read:own");
        rule("POST /cases/\\{id\\}/documents", "cases:write:all");
        rule("GET /statistics/panel", "statistics:release:all");
        rule("GET /notifications(/panel)?", SIGNED_IN);
        rule("GET /notifications/\\{id\\}", SIGNED_IN);
        rule("POST /notifications/read", SIGNED_IN);
        rule("(GET|POST) /notifications/preferences", SIGNED_IN);
        rule("GET /notifications/outbox", "accounts:read:all");
        rule("GET /cases/panels/guardian", "cases:read:own");
        rule("GET /api/v1/referrals/mine", "referrals:read:organisation", "referrals:read:all");

        // linkage: runs over agencies' encoded lists; duplicate alerts for the NRM's case managers
        rule("(GET|POST|DELETE) /linkage/runs.*", "linkage:run:all");
        rule("(GET|POST|DELETE) /api/v1/linkage/runs.*", "linkage:run:all");
        rule("GET /linkage/duplicates.*", "cases:read:all");
        rule("POST /linkage/duplicates.*", "cases:write:all");

        // the audit trail: administrators only; its signed checkpoints too, for the auditor who keeps them elsewhere
        rule("GET /api/v1/audit/checkpoints", "audit:read:all");
        rule("(GET|POST) /audit.*", "audit:read:all");
        rule("(GET|POST) /api/v1/audit.*", "audit:read:all");

        // linkage: runs between agencies' lists for co-ordinators and statisticians; possible duplicates for those
        // who read all case files, decisions on them for case managers
        rule("(GET|POST) /linkage/runs.*", "linkage:run:all");
        rule("(GET|POST|DELETE) /api/v1/linkage/runs.*", "linkage:run:all");
        rule("POST /linkage/duplicates/\\{id\\}/review", "cases:write:all");
        rule("GET /linkage/duplicates.*", "cases:read:all");

        // statistics: tables, dashboard and estimates for statisticians and co-ordinators; releasing for statisticians
        rule("(GET|POST) /statistics/releases/(new|\\{id\\}/approve).*", "statistics:release:all");
        // the CTDC file is microdata (k-anonymous): statisticians export it, co-ordinators see the preview
        rule("GET /statistics/ctdc/download", "statistics:release:all");
        rule("GET /api/v1/statistics/ctdc/records", "statistics:release:all");
        rule("POST /statistics/releases.*", "statistics:release:all");
        rule("(GET|POST) /statistics.*", "statistics:read:all");
        rule("POST /api/v1/statistics/releases.*", "statistics:release:all");
        rule("(GET|POST) /api/v1/statistics.*", "statistics:read:all");
        rule("POST /api/v1/estimates/mse", "statistics:read:all");
        // from a linkage run: the facade also needs linkage:run:all, which every holder of statistics:read:all has
        rule("POST /api/v1/estimates/mse/linkage-runs/\\{runId\\}", "statistics:read:all");
        // background estimates (log-linear and latent-class models side by side): the same permission
        rule("(GET|POST) /api/v1/estimates/jobs.*", "statistics:read:all");

        // official returns (monitoring): filled, sent and approved by statisticians; published returns download for
        // whoever reads statistics
        // agencies' criminal-justice counts: sent by agency reporters, approved (and seen in full) by statisticians
        rule("POST /returns/agencies/deadlines", "statistics:release:all");
        rule("GET /api/v1/returns/agencies/deadlines", "returns:submit:organisation", "statistics:release:all");
        rule("PUT /api/v1/returns/agencies/deadlines", "statistics:release:all");
        rule("POST /returns/agencies/\\{id\\}/approve", "statistics:release:all");
        rule("POST /returns/agencies", "returns:submit:organisation");
        rule("GET /returns/agencies.*", "returns:submit:organisation", "statistics:release:all");
        rule("POST /api/v1/returns/agencies/\\{id\\}/approve", "statistics:release:all");
        rule("GET /api/v1/returns/agencies/completeness", "statistics:release:all");
        rule("POST /api/v1/returns/agencies", "returns:submit:organisation");
        rule("GET /api/v1/returns/agencies", "returns:submit:organisation", "statistics:release:all");
        rule("GET /returns/\\{id\\}/file", "statistics:read:all");
        rule("(GET|POST) /returns.*", "statistics:release:all");
        rule("GET /api/v1/returns/draft", "statistics:release:all");
        rule("POST /api/v1/returns.*", "statistics:release:all");
        rule("GET /api/v1/returns.*", "statistics:read:all");
        // prevention: early warning on series of one's own, for those who read national statistics and prevention
        // officers
        rule("(GET|POST) /prevention/early-warning", "statistics:read:all", "prevention:read:all");
        rule("POST /api/v1/prevention/early-warning", "statistics:read:all", "prevention:read:all");
        // trends, who-where and the early-warning flags of the watched series: the same readers; the co-ordinator's
        // panel with the review forms, the scan and the reviews for those who read national statistics
        rule("GET /prevention/panel", "statistics:read:all");
        rule("GET /prevention/officer-panel", "prevention:read:all");
        rule(
                "GET /prevention/(trends|trends\\.csv|flags|where|where\\.csv)",
                "statistics:read:all",
                "prevention:read:all");
        rule("POST /prevention/flags/(scan|\\{id\\}/review)", "statistics:read:all");
        // the campaign register: prevention officers register, whoever reads prevention evidence reads
        rule("GET /prevention/campaigns/new", "campaign:manage:all");
        // reading a series of one's own against a campaign's start stores nothing: for every reader of prevention
        rule(
                "POST /prevention/campaigns/\\{id\\}/interrupted-time-series",
                "statistics:read:all",
                "prevention:read:all");
        rule("POST /prevention/campaigns.*", "campaign:manage:all");
        rule("GET /prevention/campaigns.*", "statistics:read:all", "prevention:read:all");
        rule(
                "POST /api/v1/prevention/campaigns/\\{id\\}/interrupted-time-series",
                "statistics:read:all",
                "prevention:read:all");
        rule("POST /api/v1/prevention/campaigns.*", "campaign:manage:all");
        rule("GET /api/v1/prevention/campaigns.*", "statistics:read:all", "prevention:read:all");
        // inspection targeting (issue 23): the inspectorate's planners on their own data; aggregates for prevention
        rule("GET /inspection/aggregates", "prevention:read:all", "statistics:read:all");
        rule("GET /api/v1/inspection/aggregates", "prevention:read:all", "statistics:read:all");
        rule("(GET|POST) /inspection.*", "inspection:targeting:organisation");
        rule("(GET|POST) /api/v1/inspection/.*", "inspection:targeting:organisation");
        // ad screening (#23): the ad analysts of the organisation that imported the ads; counts by category and
        // quarter (disclosure-controlled) for whoever reads prevention evidence
        rule("GET /ads/aggregates", "statistics:read:all", "prevention:read:all");
        rule("GET /api/v1/ads/aggregates", "statistics:read:all", "prevention:read:all");
        rule("(GET|POST) /ads.*", "ads:screening:organisation");
        rule("(GET|POST) /api/v1/ads.*", "ads:screening:organisation");
        // financial red flags: the unit's analysts code and read their own unit's reports; the catalogue and the
        // feedback statistics (small counts withheld outside the unit) also for whoever reads prevention evidence
        rule("GET /financial-flags/(catalogue|statistics)", "financial:flags:organisation", "prevention:read:all");
        rule(
                "GET /api/v1/financial-flags/(catalogue|statistics)",
                "financial:flags:organisation",
                "prevention:read:all");
        rule("(GET|POST) /financial-flags.*", "financial:flags:organisation");
        rule("(GET|POST|PUT) /api/v1/financial-flags.*", "financial:flags:organisation");
        // supplier screening: the procurement office's own lists, suppliers, screenings and reviews only
        rule("(GET|POST) /suppliers.*", "supplier:screening:organisation");
        rule("(GET|POST) /api/v1/suppliers.*", "supplier:screening:organisation");

        // referrals to services: the NRM refers, withdraws and transfers; the receiving organisation reads what is
        // shared with it and accepts, declines, completes
        rule("(GET|POST) /cases/\\{id\\}/service-referrals/\\{referralId\\}/withdraw", "cases:write:all");
        rule("POST /cases/\\{id\\}/(service-referrals|transfers)", "cases:write:all");
        rule("GET /cases/\\{id\\}/service-referrals", "cases:read:all");
        rule("POST /api/v1/cases/\\{id\\}/service-referrals", "cases:write:all");
        rule("GET /api/v1/cases/\\{id\\}/service-referrals", "cases:read:all");
        rule("POST /cases/\\{id\\}/cross-border", "cases:write:all");
        rule("(GET|POST) /referrals/cross-border.*", "cases:write:all");
        rule("POST /services/referrals/.*", "services:record:organisation");
        rule("GET /services/referrals.*", "cases:read:organisation");
        rule("POST /api/v1/services/referrals/.*", "services:record:organisation");
        rule("GET /api/v1/services/referrals.*", "cases:read:organisation");

        // the criminal-justice track answers 404 (never 403) to whoever may not see it, so that its existence is
        // not given away: any signed-in person reaches the endpoint, the facade decides
        rule("(GET|POST) /cases/\\{id\\}/criminal-justice", SIGNED_IN);
        rule("(GET|PUT) /api/v1/cases/\\{id\\}/criminal-justice", SIGNED_IN);

        // assistance: the NRM and the service providers with an accepted referral (checked by the facade);
        // closure and reopening by the NRM's case managers
        rule("(GET|POST) /assistance/cases/\\{id\\}/(closure|reopen)", "cases:write:all");
        rule("GET /assistance/reminders", "cases:read:all");
        // a service, and the decision on a permit applied for or compensation claimed
        rule(
                "POST /assistance/cases/\\{id\\}/services(/\\{serviceId\\}/result)?",
                "cases:write:all",
                "services:record:organisation");
        rule("POST /assistance/cases/.*", "cases:write:all");
        rule("GET /assistance/cases/.*", "cases:read:all", "services:record:organisation");
        rule(
                "POST /api/v1/assistance/cases/\\{id\\}/services(/\\{serviceId\\}/result)?",
                "cases:write:all",
                "services:record:organisation");
        rule("GET /api/v1/assistance/cases/.*", "cases:read:all", "services:record:organisation");

        // the national action plan: the co-ordinator drafts it, a lead organisation reports on the measures it leads
        // (the facade refuses the measures of other organisations), the rapporteur reads
        rule("GET /plans/panel", "plan:manage:all", "plan:update:organisation");
        // recommendations: the rapporteur and the co-ordinator register and link, the co-ordinator responds
        rule("POST /plans/recommendations/\\{id\\}/response", "plan:manage:all");
        rule("POST /plans/recommendations.*", "plan:recommend:all");
        rule("(GET|POST) /plans/measures/\\{measureId\\}/edit", "plan:manage:all");
        rule("(GET|POST) /plans/(new|\\{id\\}/edit|\\{id\\}/measures/new)", "plan:manage:all");
        rule("POST /plans/\\{id\\}/(objectives|indicators)", "plan:manage:all");
        rule("POST /plans/indicators/\\{indicatorId\\}/values", "plan:manage:all", "plan:update:organisation");
        rule(
                "POST /plans/measures/\\{measureId\\}/(status|budget|activities.*)",
                "plan:manage:all",
                "plan:update:organisation");
        // the yearly public report: the co-ordinator drafts and edits, someone else who may publish approves and
        // publishes (the facade refuses the drafter), the public reads what is published
        rule("POST /plans/reports/\\{reportId\\}/(approve|publish)", "plan:publish:all");
        rule("POST /plans/(\\{id\\}/reports|reports/\\{reportId\\})", "plan:manage:all");
        rule("GET /public/reports.*", PUBLIC);
        // the rapporteur's comments: the rapporteur writes, every reader of the plan reads
        rule("POST /plans/comments", "plan:comment:all");
        // the co-ordinating body: the co-ordinator keeps it, every reader of the plan reads it
        rule("POST /plans/body.*", "plan:manage:all");
        rule("GET /plans.*", "plan:read:all", "plan:update:organisation");
        // changing a measure's details is the co-ordinator's; reporting its status and spending is also its lead's
        rule("PUT /api/v1/plans/measures/\\{measureId\\}", "plan:manage:all");
        rule("(POST|PUT) /api/v1/plans/(measures|indicators)/.*", "plan:manage:all", "plan:update:organisation");
        // the co-ordinating body over the API: as on its pages
        rule("(POST|PUT|DELETE) /api/v1/plan-body.*", "plan:manage:all");
        rule("GET /api/v1/plan-body.*", "plan:read:all", "plan:update:organisation");
        // the yearly report: the co-ordinator drafts and edits, someone who may publish approves and publishes
        rule("POST /api/v1/plan-reports/\\{id\\}/(approve|publish)", "plan:publish:all");
        rule("(POST|PUT) /api/v1/plan-reports.*", "plan:manage:all");
        rule("GET /api/v1/plan-reports.*", "plan:read:all", "plan:update:organisation");
        // the rapporteur's comments
        rule("POST /api/v1/plan-comments", "plan:comment:all");
        rule("GET /api/v1/plan-comments", "plan:read:all", "plan:update:organisation");
        rule("(POST|PUT) /api/v1/plans.*", "plan:manage:all");
        rule("GET /api/v1/plans.*", "plan:read:all", "plan:update:organisation");
    }

    static void rule(String pattern, String... grants) {
        POLICY.put(Pattern.compile(pattern), Set.of(grants));
    }

    static void scoped(String pattern, String... grants) {
        Pattern compiled = Pattern.compile(pattern);
        POLICY.put(compiled, Set.of(grants));
        SCOPED.add(compiled);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    OrganisationRegistry organisations;

    record Endpoint(String method, String path) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    void everyEndpointHasAPolicy() {
        List<String> without = endpoints().stream()
                .filter(e -> required(e) == null)
                .map(Endpoint::key)
                .toList();
        assertThat(without)
                .as("endpoints without a policy in PermissionMatrixTests")
                .isEmpty();
    }

    @Test
    void everyRoleReachesExactlyWhatItsGrantsAllow() throws Exception {
        UUID organisation = organisations
                .findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            var actor = TestSignIn.actor(role, organisation);
            Set<String> held = new java.util.HashSet<>();
            held.add(SIGNED_IN);
            actor.grants().forEach(g -> held.add(g.authority()));
            for (Endpoint endpoint : endpoints()) {
                Set<String> required = required(endpoint);
                if (required == null || required.contains(PUBLIC) || required.contains(SECOND_FACTOR_PENDING)) {
                    continue;
                }
                boolean allowed = required.stream().anyMatch(held::contains);
                int status = perform(endpoint, TestSignIn.as(actor));
                boolean correct = allowed
                        ? status != 401 && status != 403
                        : status == 403 || (status == 404 && isScoped(endpoint));
                if (!correct || status >= 500) {
                    wrong.add(role + " " + endpoint.key() + " -> " + status + " (expected "
                            + (allowed ? "allowed" : "403") + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void nobodyReachesAnythingWithoutSigningIn() throws Exception {
        List<String> open = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Set<String> required = required(endpoint);
            if (required == null || required.contains(PUBLIC)) {
                continue;
            }
            int status = perform(endpoint, request -> request);
            // pages send the person to sign in; the API answers 401
            boolean refused = endpoint.path().startsWith("/api/")
                    ? status == 401
                    : status == 401 || status == 403 || status == 302;
            if (!refused) {
                open.add(endpoint.key() + " -> " + status);
            }
        }
        assertThat(open).isEmpty();
    }

    private int perform(Endpoint endpoint, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        // a variable limited to some words ({form:consent|best-interests}) takes the first; any other an id
        String path = endpoint.path()
                .replaceAll("\\{[^}:]+:([A-Za-z-]+)(\\|[A-Za-z|-]*)?}", "$1")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var request = request(HttpMethod.valueOf(endpoint.method()), path).with(who);
        if (!endpoint.method().equals("GET")) {
            request = request.with(csrf());
            if (path.startsWith("/api/")) {
                request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (!path.startsWith("/api/")) {
            request = request.accept(MediaType.TEXT_HTML);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private boolean isScoped(Endpoint endpoint) {
        return SCOPED.stream().anyMatch(p -> p.matcher(endpoint.key()).matches());
    }

    private Set<String> required(Endpoint endpoint) {
        return POLICY.entrySet().stream()
                .filter(rule -> rule.getKey().matcher(endpoint.key()).matches())
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private List<Endpoint> endpoints() {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    Set<String> patterns = info.getPatternValues();
                    return patterns.stream()
                            .filter(p -> !p.startsWith("/v3/") && !p.startsWith("/swagger") && !p.equals("/error"))
                            .flatMap(p -> (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                    .stream().map(m -> new Endpoint(m.name(), p)));
                })
                .distinct()
                .sorted(java.util.Comparator.comparing(Endpoint::key))
                .collect(Collectors.toList());
    }
}
