package org.opennrm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.organisations.NrmRole;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.referrals.ReferralRequest;
import org.opennrm.referrals.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Loads synthetic cases for demonstrations and benchmarks: with {@code opennrm.demo.synthetic-cases=N} (N &gt; 0),
 * once the application is ready, refers invented persons through the referrals facade until N cases exist. Names
 * come from small invented lists; referring organisations, ages, genders, countries and forms of exploitation are
 * spread; a share of cases gets a preliminary decision by the demo identification officer so that the queue holds
 * both preliminary and formal decisions due.
 *
 * <p>Every case is its own transaction (the reference counter and the audit chain are appended one at a time, so a
 * transaction holding many cases would hold both locks for all of them); a few threads overlap the work outside
 * those locks. Nothing identifying is logged: only counts and rates.
 */
@Component
@ConditionalOnProperty(name = "opennrm.demo.synthetic-cases")
class SyntheticCases {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCases.class);
    private static final int PROGRESS_EVERY = 10_000;
    private static final String SIGNED_IN = "SIGNED_IN";

    // invented given and family names: no list of real persons was used
    private static final List<String> GIVEN = List.of(
            "Alena", "Boris", "Carmela", "Dario", "Elif", "Farid", "Galina", "Hugo", "Ines", "Jonas", "Kira", "Lev",
            "Mara", "Nuno", "Olesia", "Pavel", "Rosa", "Samir", "Tana", "Uriel", "Vesna", "Wen", "Yara", "Zoran");
    private static final List<String> FAMILY = List.of(
            "Abrenko",
            "Belvaro",
            "Castrin",
            "Dovelle",
            "Estrova",
            "Falumbe",
            "Garnetti",
            "Holvast",
            "Ivardi",
            "Jestrom",
            "Kolvane",
            "Lumbrecht",
            "Marovin",
            "Nestaral",
            "Orvelle",
            "Pradinov",
            "Quessan",
            "Rovantis",
            "Saldorin",
            "Tervolle",
            "Umbrasi",
            "Valdenko",
            "Wistarel",
            "Zelvano");

    private final Referrals referrals;
    private final CaseManagement cases;
    private final OrganisationRegistry organisations;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int target;
    private final int threads;

    SyntheticCases(
            Referrals referrals,
            CaseManagement cases,
            OrganisationRegistry organisations,
            AccountManagement accounts,
            JdbcClient jdbc,
            Clock clock,
            @Value("${opennrm.demo.synthetic-cases:0}") int target,
            @Value("${opennrm.demo.synthetic-cases-threads:4}") int threads) {
        this.referrals = referrals;
        this.cases = cases;
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.target = target;
        this.threads = Math.max(1, threads);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        load();
    }

    /** Creates cases until {@code target} exist; returns how many it created. */
    int load() {
        if (target <= 0) {
            return 0;
        }
        long existing = existingCases();
        int missing = (int) Math.max(0, target - existing);
        if (missing == 0) {
            log.info("Synthetic cases: {} cases exist, none to add", existing);
            return 0;
        }
        var plan = plan();
        log.info("Synthetic cases: {} exist, creating {} with {} threads", existing, missing, threads);
        long started = System.nanoTime();
        var next = new AtomicInteger();
        var created = new AtomicInteger();
        var decided = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var workers = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                long seed = 1_000_003L * (existing + t + 1);
                workers.add(pool.submit(
                        () -> work(plan, new SplittableRandom(seed), next, missing, created, decided, started)));
            }
            for (var worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Synthetic cases interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Synthetic cases failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
                "Synthetic cases loaded: {} created ({} with a preliminary decision) in {} s, {} cases per second; {}"
                        + " cases exist",
                created.get(),
                decided.get(),
                String.format("%.1f", seconds),
                String.format("%.0f", created.get() / Math.max(seconds, 0.001)),
                existingCases());
        return created.get();
    }

    private void work(
            Plan plan,
            SplittableRandom random,
            AtomicInteger next,
            int missing,
            AtomicInteger created,
            AtomicLong decided,
            long started) {
        try {
            while (next.getAndIncrement() < missing) {
                var referrer =
                        plan.referrers().get(random.nextInt(plan.referrers().size()));
                var receipt =
                        referrals.referFor(referrer.organisationId(), referrer.accountId(), request(plan, random));
                if (plan.officer() != null && random.nextInt(100) < 40) {
                    decide(plan.officer(), receipt.caseId(), random);
                    decided.incrementAndGet();
                }
                int done = created.incrementAndGet();
                if (done % PROGRESS_EVERY == 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info(
                            "Synthetic cases: {} of {} created, {} per second",
                            done,
                            missing,
                            String.format("%.0f", done / Math.max(seconds, 0.001)));
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Three in four decided cases are presumed victims (recovery period, formal decision due), one in four not. */
    private void decide(Actor officer, CaseId caseId, SplittableRandom random) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(officer, null, authorities(officer)));
        SecurityContextHolder.setContext(context);
        try {
            var outcome = random.nextInt(4) == 0 ? DecisionOutcome.NOT_PRESUMED : DecisionOutcome.PRESUMED_VICTIM;
            cases.decidePreliminary(
                    caseId,
                    null,
                    new DecisionRequest(
                            outcome, LocalDate.now(clock), "Synthetic decision for a demonstration.", null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ReferralRequest request(Plan plan, SplittableRandom random) {
        var today = LocalDate.now(clock);
        int kind = random.nextInt(100);
        boolean inDoubt = kind < 3;
        boolean child = !inDoubt && kind < 15;
        LocalDate birth = null;
        Integer estimate = null;
        if (!inDoubt) {
            int age = child ? 10 + random.nextInt(8) : 18 + random.nextInt(45);
            if (random.nextInt(5) == 0) {
                estimate = age;
            } else {
                birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
            }
        }
        var person = new PersonIdentity(
                pick(GIVEN, random),
                pick(FAMILY, random),
                null,
                birth,
                estimate,
                pick(plan.genders(), random),
                Set.of(pick(plan.countries(), random)),
                Set.of());
        var forms = new java.util.LinkedHashSet<String>();
        forms.add(pick(plan.forms(), random));
        if (random.nextInt(4) == 0) {
            forms.add(pick(plan.forms(), random));
        }
        var exploitedIn = pick(plan.countries(), random);
        var profile =
                new TraffickingProfile(forms, null, null, null, null, null, null, null, Set.of(exploitedIn), null);
        var events = plan.eventTypes().isEmpty()
                ? List.<EventEntry>of()
                : List.of(new EventEntry(
                        pick(plan.eventTypes(), random),
                        today.minusDays(30 + random.nextInt(900)),
                        exploitedIn,
                        "Synthetic event."));
        var consents = new ArrayList<ConsentStatement>();
        UUID guardian = null;
        if (child || inDoubt) {
            guardian = plan.guardian();
        } else {
            consents.add(new ConsentStatement(ConsentPurpose.ASSISTANCE, null, true));
            consents.add(new ConsentStatement(ConsentPurpose.STATISTICS, null, random.nextInt(10) < 8));
            consents.add(new ConsentStatement(ConsentPurpose.POLICE_CONTACT, null, random.nextBoolean()));
        }
        return new ReferralRequest(person, inDoubt, "Synthetic referral.", profile, consents, events, guardian, null);
    }

    private Plan plan() {
        var all = accounts.all();
        var referrers = new ArrayList<Referrer>();
        for (Organisation organisation : organisations.all()) {
            if (!organisation.isActive() || !organisation.holds(NrmRole.REFERRER)) {
                continue;
            }
            var member = all.stream()
                    .filter(account -> account.enabled() && organisation.id().equals(account.organisationId()))
                    .findFirst();
            member.ifPresent(account -> referrers.add(new Referrer(organisation.id(), account.id())));
        }
        if (referrers.isEmpty()) {
            throw new IllegalStateException("Synthetic cases need an active referring organisation with an account");
        }
        var guardian = all.stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.GUARDIAN))
                .map(account -> account.id())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Synthetic cases need an account with the guardian role"));
        var officer = all.stream()
                .filter(account -> account.enabled()
                        && account.roles().contains(Role.IDENTIFICATION_OFFICER)
                        && account.organisationId() != null
                        && organisations
                                .find(account.organisationId())
                                .filter(found -> found.isActive() && found.holds(NrmRole.IDENTIFICATION_AUTHORITY))
                                .isPresent())
                .findFirst()
                .map(account -> new Actor(
                        account.id(),
                        account.username(),
                        account.organisationId(),
                        account.roles(),
                        account.roles().stream()
                                .flatMap(role -> role.grants().stream())
                                .collect(java.util.stream.Collectors.toSet())))
                .orElse(null);
        if (officer == null) {
            log.info("Synthetic cases: no identification officer, no case gets a decision");
        }
        CodeLists codes = cases.codeLists();
        return new Plan(
                List.copyOf(referrers),
                guardian,
                officer,
                codes.codes(CodeLists.GENDER),
                codes.codes(CodeLists.COUNTRY),
                codes.codes(CodeLists.EXPLOITATION_FORM),
                codes.codes(CodeLists.EVENT_TYPE));
    }

    private long existingCases() {
        // a count for the seed only; the cases module has no facade method for it
        return jdbc.sql("select count(*) from cases.case_file")
                .query(Long.class)
                .single();
    }

    private static List<GrantedAuthority> authorities(Actor actor) {
        var authorities = new ArrayList<GrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        return authorities;
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private record Referrer(UUID organisationId, UUID accountId) {}

    private record Plan(
            List<Referrer> referrers,
            UUID guardian,
            Actor officer,
            List<String> genders,
            List<String> countries,
            List<String> forms,
            List<String> eventTypes) {}
}
