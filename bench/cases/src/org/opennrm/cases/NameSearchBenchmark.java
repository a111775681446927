package org.opennrm.cases;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.opennrm.access.BenchKeys;
import org.opennrm.linkage.NameFolding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of the case search by name without Spring or JUnit: N synthetic persons recorded through the cases
 * module's own {@code Persons} (identity encrypted with AES-256-GCM, name words in the keyed blind index) in an
 * embedded PostgreSQL, then, in the same run and on the same data, 8 concurrent searchers finding persons by family
 * and given name
 *
 * <ul>
 *   <li>through the index, as {@code CaseSearch} does: the candidates holding every word's bucket, each candidate's
 *       identity decrypted and its words compared; and
 *   <li>by a plain scan: every person's names read and decrypted, and compared with the words.
 * </ul>
 *
 * <p>Both find the same persons (checked). Left out of both: the join to the case rows and the audit entry of each
 * match shown, the same for both ways and a few rows per search.
 *
 * <p>Arguments: the platform's source folder (for the migrations), number of persons, searches per searcher.
 */
public final class NameSearchBenchmark {

    static final int SEARCHERS = 8;

    /** Invented given names (women and men of the region's languages, romanised as agencies write them). */
    static final String[] GIVEN = {
        "Olena", "Oksana", "Iryna", "Natalia", "Tetiana", "Svitlana", "Yulia", "Maria", "Anna", "Olha", "Halyna",
        "Viktoria", "Daria", "Kateryna", "Alina", "Ana", "Elena", "Ioana", "Mihaela", "Andreea", "Fatima", "Aisha",
        "Blessing", "Joy", "Precious", "Linh", "Thi", "Mai", "Oleksandr", "Andrii", "Serhii", "Mykola", "Ivan",
        "Dmytro", "Vasyl", "Ion", "Vasile", "Gheorghe", "Mihai", "Emeka", "Chinedu", "Tuan", "Minh", "Arben", "Besnik"
    };

    public static void main(String[] args) throws Exception {
        Path platform = Path.of(args[0]);
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path keys = Files.createTempDirectory("opennrm-bench-keys");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            var jdbc = JdbcClient.create(dataSource);
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                for (String migration : List.of("V400__create_cases.sql", "V480__person_name_search_index.sql")) {
                    statement.execute(
                            Files.readString(platform.resolve("src/main/resources/db/migration/cases/" + migration)));
                }
            }
            var searchIndex = BenchKeys.searchIndex();
            var store = new Persons(jdbc, BenchKeys.protection(keys.resolve("keyset.json")), searchIndex);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            // family names: invented from syllables, with the skew of real lists (a few common, a long tail)
            var random = new SplittableRandom(2026);
            int families = Math.max(50, persons / 20);
            List<String> familyNames = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String[] starts = {"Ko", "Pe", "Shev", "Bon", "Mel", "Tka", "Kra", "Po", "Lys", "Sav", "Hor", "Ma", "Ni",
                "Ro", "Du", "Ve", "Za", "Ba", "Ch", "Ha", "Ol", "Ste", "Ga", "Mo", "Tu"};
            String[] middles = {"val", "tren", "chen", "dar", "nyk", "ban", "sul", "rov", "lin", "mar", "dan", "zar",
                "bel", "vor", "lesh", "kan", "tor", "mir", "gul", "bor"};
            String[] ends = {"enko", "chuk", "uk", "escu", "eanu", "ova", "ov", "yk", "ak", "ic", "ovic", "adze",
                "yan", "oglu", "ska", "ski", "ani", "ela", "ino", "ez"};
            while (familyNames.size() < families) {
                String name = starts[random.nextInt(starts.length)] + middles[random.nextInt(middles.length)]
                        + middles[random.nextInt(middles.length)] + ends[random.nextInt(ends.length)];
                if (seen.add(NameFolding.words(name).getFirst())) {
                    familyNames.add(name);
                }
            }
            record Named(String given, String family) {}
            List<Named> recorded = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            int batch = 500;
            try (var loaders = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
                List<Callable<Void>> work = new ArrayList<>();
                for (int from = 0; from < persons; from += batch) {
                    int first = from;
                    int count = Math.min(batch, persons - from);
                    work.add(() -> {
                        var local = new SplittableRandom(first);
                        transactions.executeWithoutResult(status -> {
                            for (int i = 0; i < count; i++) {
                                // Zipf-like: family name k with weight about 1/k
                                int k = (int) Math.floor(Math.pow(families, local.nextDouble())) - 1;
                                var named = new Named(GIVEN[local.nextInt(GIVEN.length)], familyNames.get(k));
                                store.insert(
                                        new PersonIdentity(
                                                named.given(),
                                                named.family(),
                                                null,
                                                LocalDate.of(1960, 1, 1).plusDays(local.nextInt(16_000)),
                                                null,
                                                "Feminine",
                                                Set.of("UKR"),
                                                Set.of("ukr")),
                                        Instant.now());
                                recorded.add(named);
                            }
                        });
                        return null;
                    });
                }
                for (var done : loaders.invokeAll(work)) {
                    done.get();
                }
            }
            // as autovacuum leaves a table after a load (its insert threshold): statistics and the visibility map, so
            // that the database can answer from the index alone
            jdbc.sql("vacuum analyze").update();
            System.out.printf(
                    "recorded %,d persons (%,d family names, encrypted, indexed) in %.1f s; index rows %,d%n",
                    persons,
                    families,
                    (System.nanoTime() - start) / 1e9,
                    jdbc.sql("select count(*) from cases.person_name_word").query(Long.class).single());

            // what the searchers look for: names recorded, written as typed (family name first, any case)
            var queries = new ArrayList<String>();
            var pick = new SplittableRandom(7);
            for (int i = 0; i < SEARCHERS * searches; i++) {
                var named = recorded.get(pick.nextInt(recorded.size()));
                queries.add(named.family().toUpperCase() + " " + named.given());
            }

            // the same answers both ways, on a few queries
            for (String query : queries.subList(0, 5)) {
                var words = NameFolding.words(query);
                if (!indexed(store, words).equals(scanned(jdbc, store, words))) {
                    throw new IllegalStateException("The index and the scan found different persons");
                }
            }
            System.out.printf(
                    "%d concurrent searchers; load average %s, %d cores%n",
                    SEARCHERS,
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "%-34s %8s %9s %9s %9s %9s %12s%n",
                    "way", "searches", "per s", "p50 ms", "p99 ms", "max ms", "decrypted/search");
            breakdown(jdbc, searchIndex, store, queries);
            if (System.getenv("EXPLAIN") != null) {
                var words = NameFolding.words(familyNames.getFirst() + " " + GIVEN[0]);
                var b = words.stream().map(searchIndex::bucket).toList();
                for (String sql : List.of(
                        "explain (analyze, buffers) select w0.person_id from cases.person_name_word w0 join cases.person_name_word w1 on w1.bucket = "
                                + b.get(1) + " and w1.person_id = w0.person_id where w0.bucket = " + b.get(0) + " limit 500",
                        "explain (analyze, buffers) select person_id from cases.person_name_word where bucket in (" + b.get(0) + "," + b.get(1)
                                + ") group by person_id having count(distinct bucket) = 2 limit 500")) {
                    jdbc.sql(sql).query(String.class).list().forEach(System.out::println);
                }
            }
            // two rounds in turn, so that neither way has the machine's warm-up or a quieter minute to itself
            for (int round = 1; round <= 2; round++) {
                measure("blind index + decrypt candidates", queries, words -> indexed(store, words));
                measure(
                        "  before: candidates by count",
                        queries,
                        words -> indexedByCount(jdbc, searchIndex, store, words));
            }
            // the scan decrypts every person: fewer searches, or it would run for hours at 100,000
            var scanQueries = queries.subList(0, Math.min(queries.size(), SEARCHERS * 2));
            measure("plain scan (decrypt all)", scanQueries, words -> scanned(jdbc, store, words));
        }
    }

    static final AtomicLong DECRYPTED = new AtomicLong();

    interface Search {
        Set<UUID> find(List<String> words);
    }

    static void measure(String way, List<String> queries, Search search) throws Exception {
        // warm-up: the JIT and the database's caches
        for (String query : queries.subList(0, Math.min(4, queries.size()))) {
            search.find(NameFolding.words(query));
        }
        DECRYPTED.set(0);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (var searchers = Executors.newFixedThreadPool(SEARCHERS)) {
            List<Callable<Void>> work = new ArrayList<>();
            for (int s = 0; s < SEARCHERS; s++) {
                int first = s;
                work.add(() -> {
                    for (int i = first; i < queries.size(); i += SEARCHERS) {
                        var words = NameFolding.words(queries.get(i));
                        long begun = System.nanoTime();
                        var found = search.find(words);
                        latencies.add((System.nanoTime() - begun) / 1e6);
                        if (found.isEmpty()) {
                            throw new IllegalStateException("A recorded name was not found");
                        }
                    }
                    return null;
                });
            }
            for (var done : searchers.invokeAll(work)) {
                done.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(
                "%-34s %8d %9.1f %9.1f %9.1f %9.1f %12.0f%n",
                way,
                sorted.length,
                sorted.length / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1],
                (double) DECRYPTED.get() / sorted.length);
    }

    /**
     * As CaseSearch: candidates by bucket, their names decrypted in one statement, each candidate's names must hold
     * every word.
     */
    static Set<UUID> indexed(Persons store, List<String> words) {
        var found = new HashSet<UUID>();
        for (var candidate : store.namesOf(store.candidatesFor(words, 500), false).entrySet()) {
            var identity = candidate.getValue();
            DECRYPTED.incrementAndGet();
            if (holdsAll(identity.givenName(), identity.familyName(), identity.otherNames(), words)) {
                found.add(candidate.getKey());
            }
        }
        return found;
    }

    /**
     * As the index did before 2026-12-06 (session 13): every row of the words' buckets grouped by person, the persons
     * with all of them kept. Kept here to compare in the same run.
     */
    static Set<UUID> indexedByCount(
            JdbcClient jdbc, org.opennrm.access.SearchIndex index, Persons store, List<String> words) {
        var buckets = words.stream().map(index::bucket).distinct().toList();
        var candidates = jdbc.sql("""
                        select person_id from cases.person_name_word where bucket in (:buckets)
                        group by person_id having count(distinct bucket) = :all limit :limit""")
                .param("buckets", buckets)
                .param("all", buckets.size())
                .param("limit", 500)
                .query(UUID.class)
                .list();
        var found = new HashSet<UUID>();
        for (var candidate : store.namesOf(candidates, false).entrySet()) {
            var identity = candidate.getValue();
            DECRYPTED.incrementAndGet();
            if (holdsAll(identity.givenName(), identity.familyName(), identity.otherNames(), words)) {
                found.add(candidate.getKey());
            }
        }
        return found;
    }

    /**
     * Where a search's time goes, one searcher alone (no queueing): finding the candidates (the join, and the grouping
     * it replaced) and reading and decrypting their names, as mean milliseconds over the same queries.
     */
    static void breakdown(JdbcClient jdbc, org.opennrm.access.SearchIndex index, Persons store, List<String> queries) {
        var sample = queries.subList(0, Math.min(200, queries.size()));
        for (int round = 0; round < 2; round++) { // the first round warms the JIT and the caches
            long join = 0;
            long count = 0;
            long names = 0;
            for (String query : sample) {
                var words = NameFolding.words(query);
                long t0 = System.nanoTime();
                var candidates = store.candidatesFor(words, 500);
                long t1 = System.nanoTime();
                var buckets = words.stream().map(index::bucket).distinct().toList();
                jdbc.sql("""
                                select person_id from cases.person_name_word where bucket in (:buckets)
                                group by person_id having count(distinct bucket) = :all limit 500""")
                        .param("buckets", buckets)
                        .param("all", buckets.size())
                        .query(UUID.class)
                        .list();
                long t2 = System.nanoTime();
                store.namesOf(candidates, false);
                long t3 = System.nanoTime();
                join += t1 - t0;
                count += t2 - t1;
                names += t3 - t2;
            }
            if (round == 1) {
                System.out.printf(
                        "one searcher, mean ms per search over %d: candidates by join %.2f, by count (before) %.2f,"
                                + " names read and decrypted %.2f%n",
                        sample.size(), join / 1e6 / sample.size(), count / 1e6 / sample.size(), names / 1e6 / sample.size());
            }
        }
    }

    /** Without the index: every person's names read and decrypted. */
    static Set<UUID> scanned(JdbcClient jdbc, Persons store, List<String> words) {
        var found = new HashSet<UUID>();
        jdbc.sql("select * from cases.person").query(rs -> {
            var id = rs.getObject("id", UUID.class);
            var identity = store.identityOf(rs, "", id);
            DECRYPTED.incrementAndGet();
            if (holdsAll(identity.givenName(), identity.familyName(), identity.otherNames(), words)) {
                found.add(id);
            }
        });
        return found;
    }

    static boolean holdsAll(String given, String family, String other, List<String> words) {
        var held = new HashSet<String>();
        held.addAll(NameFolding.words(given));
        held.addAll(NameFolding.words(family));
        held.addAll(NameFolding.words(other));
        return held.containsAll(words);
    }

    static double percentile(double[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
