package org.opennrm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.opennrm.SeedingClock;
import org.opennrm.access.AccountManagement;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.ClosureReason;
import org.opennrm.cases.CodeLists;
import org.opennrm.cases.ConsentPurpose;
import org.opennrm.cases.ConsentStatement;
import org.opennrm.cases.DecisionOutcome;
import org.opennrm.cases.DecisionRequest;
import org.opennrm.cases.EventEntry;
import org.opennrm.cases.PersonIdentity;
import org.opennrm.cases.TraffickingProfile;
import org.opennrm.cases.Vulnerability;
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
    private static final String REASONS = "Synthetic decision for a demonstration.";
    /** Two years: the eight quarters over which synthetic referrals are spread. */
    private static final long SPAN_DAYS = 730;

    /** Forms of exploitation by weight (per cent, roughly the region's shares; one case may have two). */
    private static final java.util.Map<String, Integer> FORMS = ordered(
            "ForcedLabour",
            42,
            "SexualExploitation",
            34,
            "ForcedCriminality",
            8,
            "OnlineScamCompound",
            3,
            "ForcedBegging",
            5,
            "Servitude",
            3,
            "ForcedMarriage",
            2,
            "Other",
            3);

    /** Citizenships by weight: a few countries of origin give most victims; nationals are added at start. */
    private static final java.util.Map<String, Integer> CITIZENSHIPS = ordered(
            "UKR", 16, "ROU", 13, "MDA", 9, "BGR", 7, "VNM", 8, "NGA", 7, "ALB", 5, "CHN", 4, "IND", 4, "PHL", 3, "SYR",
            3, "UZB", 3, "BRA", 2, "MAR", 2, "ERI", 2);

    /** Sectors of forced labour by weight. */
    private static final java.util.Map<String, Integer> SECTORS = ordered(
            "A_AgricultureForestryAndFishing",
            28,
            "F_Construction",
            22,
            "I_AccommodationAndFoodServiceActivities",
            16,
            "T_ActivitiesOfHouseholdsAsEmployers",
            12,
            "C_Manufacturing",
            10,
            "H_TransportationAndStorage",
            6,
            "S_OtherServiceActivities",
            6);

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
    /** The country whose NRM the demo plays: where most exploitation took place, and some victims' citizenship. */
    private final String nationalCountry;

    private final DemoRelease release;

    SyntheticCases(
            Referrals referrals,
            CaseManagement cases,
            OrganisationRegistry organisations,
            AccountManagement accounts,
            JdbcClient jdbc,
            Clock clock,
            @Value("${opennrm.demo.synthetic-cases:0}") int target,
            @Value("${opennrm.demo.synthetic-cases-threads:4}") int threads,
            @Value("${opennrm.demo.country:AUT}") String nationalCountry,
            DemoRelease release) {
        this.referrals = referrals;
        this.cases = cases;
        this.organisations = organisations;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.target = target;
        this.threads = Math.max(1, threads);
        this.nationalCountry = nationalCountry;
        this.release = release;
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
        // with eight quarters of cases there is something to publish: one release, for the dashboards and the ledger
        release.publish();
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
                var referredAt = referralMoment(random);
                var request = request(plan, random, referredAt);
                var receipt = SeedingClock.at(
                        referredAt, () -> referrals.referFor(referrer.organisationId(), referrer.accountId(), request));
                if (plan.officer() != null && follow(plan, receipt.caseId(), referredAt, random)) {
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

    /**
     * When a synthetic person was referred: over the last eight quarters, more in recent ones (referrals grow by
     * about a tenth a year in the region), on a working hour. The demo then shows trends, quarters and years.
     */
    private Instant referralMoment(SplittableRandom random) {
        var now = clock.instant();
        // a density rising linearly over two years: the larger of two uniform draws leans to the recent end
        double share = Math.max(random.nextDouble(), random.nextDouble() * 1.1);
        long daysAgo = Math.max(0, Math.round(SPAN_DAYS * (1 - Math.min(share, 1.0))));
        return now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(8 * 60)));
    }

    /**
     * What happened to the case after its referral, each step on the day it happened (if that day has come): a
     * preliminary decision about a week later for most, a formal decision two to three months after a positive one
     * for most, and a closure for some after half a year. Returns whether a decision was taken.
     */
    private boolean follow(Plan plan, CaseId caseId, Instant referredAt, SplittableRandom random) {
        var now = clock.instant();
        var preliminaryAt = referredAt.plus(Duration.ofDays(3 + random.nextInt(9)));
        if (preliminaryAt.isAfter(now) || random.nextInt(100) < 12) {
            return false; // still waiting (the queue's work), or left waiting: some are overdue
        }
        var preliminary = random.nextInt(100) < 78 ? DecisionOutcome.PRESUMED_VICTIM : DecisionOutcome.NOT_PRESUMED;
        as(
                plan.officer(),
                preliminaryAt,
                () -> cases.decidePreliminary(
                        caseId,
                        null,
                        new DecisionRequest(
                                preliminary,
                                LocalDate.ofInstant(preliminaryAt, java.time.ZoneOffset.UTC),
                                REASONS,
                                null)));
        if (preliminary == DecisionOutcome.PRESUMED_VICTIM) {
            var formalAt = preliminaryAt.plus(Duration.ofDays(45 + random.nextInt(50)));
            if (formalAt.isBefore(now) && random.nextInt(100) < 85) {
                var formal = random.nextInt(100) < 82 ? DecisionOutcome.IDENTIFIED : DecisionOutcome.NOT_IDENTIFIED;
                as(
                        plan.officer(),
                        formalAt,
                        () -> cases.decideFormal(
                                caseId,
                                null,
                                new DecisionRequest(
                                        formal,
                                        LocalDate.ofInstant(formalAt, java.time.ZoneOffset.UTC),
                                        REASONS,
                                        null)));
                var closedAt = formalAt.plus(Duration.ofDays(90 + random.nextInt(200)));
                if (plan.manager() != null && closedAt.isBefore(now) && random.nextInt(100) < 45) {
                    var reason = formal == DecisionOutcome.NOT_IDENTIFIED
                            ? ClosureReason.NOT_IDENTIFIED
                            : pick(List.of(ClosureReason.DURABLE_SOLUTION, ClosureReason.PERSON_WITHDREW), random);
                    as(plan.manager(), closedAt, () -> {
                        cases.close(caseId, null, reason);
                        return null;
                    });
                }
            }
        } else if (plan.manager() != null && random.nextInt(100) < 60) {
            var closedAt = preliminaryAt.plus(Duration.ofDays(10 + random.nextInt(30)));
            if (closedAt.isBefore(now)) {
                as(plan.manager(), closedAt, () -> {
                    cases.close(caseId, null, ClosureReason.NOT_IDENTIFIED);
                    return null;
                });
            }
        }
        return true;
    }

    /** Runs {@code work} signed in as {@code actor} on the day {@code at} (see {@link SeedingClock}). */
    private static <T> T as(Actor actor, Instant at, java.util.function.Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(actor, null, DemoActors.authorities(actor)));
        SecurityContextHolder.setContext(context);
        try {
            return SeedingClock.at(at, work);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * An invented person with the skew of real NRM data in the region (GRETA and Eurostat country reports, UNODC
     * GLOTIP 2024): a few countries of origin give most victims and nationals a share of their own; forced labour
     * and sexual exploitation dominate, forced criminality grows; women and girls are most of those sexually
     * exploited, men most of those in forced labour; about one in five is a child.
     */
    private ReferralRequest request(Plan plan, SplittableRandom random, Instant referredAt) {
        var today = LocalDate.ofInstant(referredAt, java.time.ZoneOffset.UTC);
        int kind = random.nextInt(100);
        boolean inDoubt = kind < 3;
        boolean child = !inDoubt && kind < 21;
        var form = weighted(plan.forms(), FORMS, random);
        boolean female =
                switch (form) {
                    case "SexualExploitation", "ForcedMarriage", "Surrogacy" -> random.nextInt(100) < 90;
                    case "ForcedLabour" -> random.nextInt(100) < 30;
                    case "ForcedCriminality", "OnlineScamCompound" -> random.nextInt(100) < 35;
                    default -> random.nextInt(100) < 50;
                };
        LocalDate birth = null;
        Integer estimate = null;
        if (!inDoubt) {
            int age = child ? 12 + random.nextInt(6) : 18 + (int) Math.min(44, Math.abs(random.nextGaussian() * 12));
            if (random.nextInt(5) == 0) {
                estimate = age;
            } else {
                birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
            }
        }
        var citizenship =
                random.nextInt(100) < 14 ? plan.nationalCountry() : weighted(plan.countries(), CITIZENSHIPS, random);
        var gender = random.nextInt(100) < 2 ? "NonSpecifiedUnknown" : female ? "Feminine" : "Masculine";
        var person = new PersonIdentity(
                pick(GIVEN, random),
                pick(FAMILY, random),
                null,
                birth,
                estimate,
                plan.genders().contains(gender) ? gender : pick(plan.genders(), random),
                Set.of(citizenship),
                Set.of());
        var forms = new java.util.LinkedHashSet<String>();
        forms.add(form);
        if (random.nextInt(8) == 0) {
            forms.add(weighted(plan.forms(), FORMS, random));
        }
        var exploitedIn =
                random.nextInt(100) < 70 ? plan.nationalCountry() : weighted(plan.countries(), CITIZENSHIPS, random);
        var sectors = forms.contains("ForcedLabour") && !plan.sectors().isEmpty()
                ? Set.of(weighted(plan.sectors(), SECTORS, random))
                : Set.<String>of();
        var profile =
                profile(plan, random, forms, sectors, exploitedIn, child, !citizenship.equals(plan.nationalCountry()));
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

    /* Means of control as NRM and CTDC records show them: deception, abuse and threats most often, documents taken and
    excessive hours in forced labour, debt in both. Weights are shares per hundred persons with means recorded. */
    private static final java.util.Map<String, Integer> MEANS_LABOUR = ordered(
            "FalsePromises",
            45,
            "ExcessiveWorkingHours",
            35,
            "WithholdsDocuments",
            30,
            "TakesEarnings",
            25,
            "DebtBondage",
            25,
            "PhysicalThreats",
            20,
            "PsychologicalAbuse",
            20,
            "ThreatsLawEnforcement",
            15,
            "WithholdsNecessities",
            12,
            "RestrictsFinancialAccess",
            10,
            "PhysicalAbuse",
            8);
    private static final java.util.Map<String, Integer> MEANS_SEXUAL = ordered(
            "PsychologicalAbuse",
            45,
            "FalsePromises",
            35,
            "PhysicalAbuse",
            30,
            "SexualAbuse",
            30,
            "TakesEarnings",
            25,
            "PhysicalThreats",
            25,
            "ThreatensChildrenFamily",
            15,
            "DebtBondage",
            15,
            "PsychoactiveSubstance",
            10,
            "WithholdsDocuments",
            10);
    private static final java.util.Map<String, Integer> RECRUITER =
            ordered("Unaquainted", 50, "Acquainted", 38, "Familial", 12);
    private static final java.util.Map<String, Integer> RECRUITER_CHILD =
            ordered("Familial", 35, "Acquainted", 40, "Unaquainted", 25);
    private static final java.util.Map<String, Integer> RECRUITMENT = ordered(
            "ThroughFriendsOrSocialEvents",
            30,
            "ThroughOnlineSocialNetworks",
            24,
            "ThroughAnOnlineAdvertisement",
            14,
            "AtWork",
            9,
            "ThroughFamilyOrFamilyEvents",
            9,
            "AtAPlaceOfBusiness",
            6,
            "ThroughANewspaperAdvert",
            3,
            "AtAnEducationalInstitution",
            2,
            "Other",
            3);
    private static final java.util.Map<String, Integer> PLATFORMS = ordered(
            "Facebook",
            32,
            "Telegram",
            20,
            "WhatsApp",
            14,
            "Instagram",
            10,
            "Viber",
            8,
            "TikTok",
            8,
            "FacebookMessenger",
            5,
            "Other",
            3);
    private static final java.util.Map<String, Integer> SEXUAL_TYPES =
            ordered("Prostitution", 78, "PrivateSexualServices", 10, "RemoteInteractiveServices", 8, "Pornography", 4);

    /**
     * The rest of the profile, as an NRM records it: often incomplete (means for about seven in ten, the recruiter for
     * six in ten, how the person was recruited for half, vulnerabilities for about four in ten), with the skew of the
     * region's data (see the weights above); never filled in where it would not apply (a platform only for online
     * recruitment, an unaccompanied child only for a foreign child, a care leaver only for the young).
     */
    private static TraffickingProfile profile(
            Plan plan,
            SplittableRandom random,
            Set<String> forms,
            Set<String> sectors,
            String exploitedIn,
            boolean child,
            boolean foreign) {
        var means = new java.util.LinkedHashSet<String>();
        if (random.nextInt(100) < 70) {
            var weights = forms.contains("SexualExploitation") ? MEANS_SEXUAL : MEANS_LABOUR;
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                means.add(weighted(plan.codes(CodeLists.METHOD_OF_CONTROL), weights, random));
            }
        }
        String recruiter = random.nextInt(100) < 60
                ? weighted(plan.codes(CodeLists.RECRUITER_RELATIONSHIP), child ? RECRUITER_CHILD : RECRUITER, random)
                : null;
        var methods = new java.util.LinkedHashSet<String>();
        var platforms = new java.util.LinkedHashSet<String>();
        if (random.nextInt(100) < 50) {
            methods.add(weighted(plan.codes(CodeLists.RECRUITMENT_METHOD), RECRUITMENT, random));
            if (methods.stream().anyMatch(method -> method.contains("Online")) && random.nextInt(100) < 80) {
                platforms.add(weighted(plan.codes(CodeLists.RECRUITMENT_PLATFORM), PLATFORMS, random));
            }
        }
        var vulnerabilities = java.util.EnumSet.noneOf(Vulnerability.class);
        if (random.nextInt(100) < 40) {
            int draw = random.nextInt(100);
            if (foreign && draw < 40) {
                vulnerabilities.add(Vulnerability.MIGRANT_OR_REFUGEE);
            } else if (draw < 62) {
                vulnerabilities.add(Vulnerability.DEBT);
            } else if (draw < 74) {
                vulnerabilities.add(Vulnerability.MINORITY);
            } else if (draw < 84) {
                vulnerabilities.add(Vulnerability.HOMELESSNESS);
            } else if (draw < 92) {
                vulnerabilities.add(Vulnerability.DISABILITY);
            } else if (child) {
                vulnerabilities.add(foreign ? Vulnerability.UNACCOMPANIED_CHILD : Vulnerability.CARE_LEAVER);
            } else {
                vulnerabilities.add(Vulnerability.DEBT);
            }
            if (random.nextInt(100) < 20) {
                vulnerabilities.add(Vulnerability.DEBT);
            }
        }
        var sexualTypes = forms.contains("SexualExploitation") && random.nextInt(100) < 60
                ? Set.of(weighted(plan.codes(CodeLists.SEXUAL_EXPLOITATION_TYPE), SEXUAL_TYPES, random))
                : Set.<String>of();
        return new TraffickingProfile(
                forms,
                means,
                sectors,
                methods,
                platforms,
                recruiter,
                null,
                null,
                Set.of(exploitedIn),
                vulnerabilities,
                sexualTypes);
    }

    /** A value drawn by weight among those of {@code weights} that the code list holds, else any of the list. */
    private static String weighted(
            List<String> codes, java.util.Map<String, Integer> weights, SplittableRandom random) {
        int total = 0;
        for (var entry : weights.entrySet()) {
            if (codes.contains(entry.getKey())) {
                total += entry.getValue();
            }
        }
        if (total == 0) {
            return pick(codes, random);
        }
        int draw = random.nextInt(total);
        for (var entry : weights.entrySet()) {
            if (codes.contains(entry.getKey())) {
                draw -= entry.getValue();
                if (draw < 0) {
                    return entry.getKey();
                }
            }
        }
        return pick(codes, random);
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
                .map(DemoActors::actorOf)
                .orElse(null);
        if (officer == null) {
            log.info("Synthetic cases: no identification officer, no case gets a decision");
        }
        var manager = all.stream()
                .filter(account -> account.enabled() && account.roles().contains(Role.CASE_MANAGER))
                .findFirst()
                .map(DemoActors::actorOf)
                .orElse(null);
        CodeLists codes = cases.codeLists();
        var countries = codes.codes(CodeLists.COUNTRY);
        return new Plan(
                List.copyOf(referrers),
                guardian,
                officer,
                manager,
                codes.codes(CodeLists.GENDER),
                countries,
                codes.codes(CodeLists.EXPLOITATION_FORM),
                codes.codes(CodeLists.SECTOR),
                codes.codes(CodeLists.EVENT_TYPE),
                countries.contains(nationalCountry) ? nationalCountry : pick(countries, new SplittableRandom(1)),
                java.util.Map.of(
                        CodeLists.METHOD_OF_CONTROL, codes.codes(CodeLists.METHOD_OF_CONTROL),
                        CodeLists.RECRUITMENT_METHOD, codes.codes(CodeLists.RECRUITMENT_METHOD),
                        CodeLists.RECRUITMENT_PLATFORM, codes.codes(CodeLists.RECRUITMENT_PLATFORM),
                        CodeLists.RECRUITER_RELATIONSHIP, codes.codes(CodeLists.RECRUITER_RELATIONSHIP),
                        CodeLists.SEXUAL_EXPLOITATION_TYPE, codes.codes(CodeLists.SEXUAL_EXPLOITATION_TYPE)));
    }

    private long existingCases() {
        // a count for the seed only; the cases module has no facade method for it
        return jdbc.sql("select count(*) from cases.case_file")
                .query(Long.class)
                .single();
    }

    private static java.util.Map<String, Integer> ordered(Object... codesAndWeights) {
        var map = new java.util.LinkedHashMap<String, Integer>();
        for (int i = 0; i < codesAndWeights.length; i += 2) {
            map.put((String) codesAndWeights[i], (Integer) codesAndWeights[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private record Referrer(UUID organisationId, UUID accountId) {}

    private record Plan(
            List<Referrer> referrers,
            UUID guardian,
            Actor officer,
            Actor manager,
            List<String> genders,
            List<String> countries,
            List<String> forms,
            List<String> sectors,
            List<String> eventTypes,
            String nationalCountry,
            java.util.Map<String, List<String>> profileCodes) {

        List<String> codes(String list) {
            return profileCodes.getOrDefault(list, List.of());
        }
    }
}
