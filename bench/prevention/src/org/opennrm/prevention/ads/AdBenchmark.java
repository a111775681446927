package org.opennrm.prevention.ads;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark of ad screening on a seeded synthetic collection: planted advertisers (some with indicators of
 * trafficking, most without) posting templated near-duplicates on several sites, with their phone numbers written in
 * different national and international ways, among many single innocent ads; innocent ads use the baseline's keywords
 * as often as the others, a tenth of the innocent advertisers with several ads use a lexicon phrase, and a third of
 * the indicator phrases are written with look-alike digits that no word list finds. Prints pairwise clustering precision and recall against
 * the planted advertisers (text only, and text joined by contacts), and precision at k of the triage order against a
 * plain keyword count and against the lexicon alone without clusters; and the run time.
 *
 * <p>Usage: AdBenchmark [ads (default 60000)] [seed (default 23)]
 */
public final class AdBenchmark {

    static final String[] LANGUAGES = {"en", "fr", "de", "it", "es", "ru"};
    static final String[] REGIONS = {"GB", "FR", "DE", "IT", "ES", "RU"};
    static final String[] SITES = {
        "jobs-board.example", "classifieds.example", "city-ads.example", "escort-dir.example", "work-abroad.example",
        "market.example", "forum.example", "social.example"
    };
    static final String[] LOCATIONS = {"North City", "Harbour Town", "Capital", "Lakeside", "Old Town", "Riverside"};

    /** Boilerplate per language: job offers, personal services, sales (shared by many advertisers). */
    static final String[][] BOILERPLATE = {
        {
            "We are hiring staff for hotels and restaurants, good conditions, start immediately.",
            "Discreet meetings in a clean and private place, call or write any time.",
            "For sale in good condition, pick up only, price negotiable."
        },
        {
            "Nous recrutons du personnel pour hôtels et restaurants, bonnes conditions, début immédiat.",
            "Rencontres discrètes dans un lieu propre et privé, appelez ou écrivez à tout moment.",
            "À vendre en bon état, à retirer sur place, prix à débattre."
        },
        {
            "Wir stellen Personal für Hotels und Restaurants ein, gute Bedingungen, sofortiger Beginn.",
            "Diskrete Treffen an einem sauberen und privaten Ort, jederzeit anrufen oder schreiben.",
            "Zu verkaufen in gutem Zustand, nur Abholung, Preis verhandelbar."
        },
        {
            "Assumiamo personale per hotel e ristoranti, buone condizioni, inizio immediato.",
            "Incontri discreti in un luogo pulito e riservato, chiama o scrivi a qualsiasi ora.",
            "Vendo in buone condizioni, solo ritiro, prezzo trattabile."
        },
        {
            "Contratamos personal para hoteles y restaurantes, buenas condiciones, incorporación inmediata.",
            "Encuentros discretos en un lugar limpio y privado, llama o escribe a cualquier hora.",
            "Se vende en buen estado, solo recogida, precio negociable."
        },
        {
            "Набираем персонал в гостиницы и рестораны, хорошие условия, начало сразу.",
            "Конфиденциальные встречи в чистом и уютном месте, звоните или пишите в любое время.",
            "Продаю в хорошем состоянии, только самовывоз, цена договорная."
        }
    };

    /** The baseline's keywords per language: single words a plain keyword search would use. */
    static final String[][] KEYWORDS = {
        {"abroad", "visa", "passport", "young", "girls", "fee", "debt", "salary", "travel", "accommodation", "new"},
        {"étranger", "visa", "passeport", "jeune", "filles", "frais", "dette", "salaire", "voyage", "logement", "nouvelles"},
        {"ausland", "visum", "pass", "jung", "mädchen", "gebühr", "schulden", "lohn", "reise", "unterkunft", "neue"},
        {"estero", "visto", "passaporto", "giovane", "ragazze", "quota", "debito", "stipendio", "viaggio", "alloggio", "nuove"},
        {"extranjero", "visado", "pasaporte", "joven", "chicas", "cuota", "deuda", "salario", "viaje", "alojamiento", "nuevas"},
        {"границей", "визу", "паспорт", "молодая", "девочки", "взнос", "долг", "зарплата", "дорога", "проживание", "новые"}
    };

    static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ten", "ra", "vo", "su", "pel", "dan", "ri", "mo", "tu", "sa", "ne", "gor", "li", "bar", "vi",
        "zo", "ek", "an", "ul", "fra", "dis", "pon", "mar", "tel", "os", "ba", "ni"
    };

    record Ad(int advertiser, boolean risky, String language, String site, String location, String text, List<String> phones) {}

    private final Random random;
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final Lexicon lexicon = Lexicon.standard();

    AdBenchmark(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 23;
        new AdBenchmark(seed).run(total, seed);
    }

    void run(int total, long seed) {
        long started = System.nanoTime();
        List<Ad> ads = generate(total);
        long generated = System.nanoTime();
        int riskyAds = (int) ads.stream().filter(Ad::risky).count();
        int advertisers = (int) ads.stream().mapToInt(Ad::advertiser).distinct().count();
        System.out.printf(Locale.ROOT, "ads: %d (planted advertisers with indicators: %d ads), true advertisers: %d,"
                + " seed %d, lexicon %s%n", ads.size(), riskyAds, advertisers, seed, lexicon.version());

        // contacts, normalised as on import (each ad's region from its language)
        List<Set<String>> contacts = new ArrayList<>();
        int phonesWritten = 0;
        for (Ad ad : ads) {
            Set<String> normalised = new HashSet<>();
            for (String phone : ad.phones()) {
                phonesWritten++;
                Contacts.phone(phone, REGIONS[indexOf(ad.language())]).ifPresent(normalised::add);
            }
            contacts.add(normalised);
        }
        var clustering = new NearDuplicates();
        long t0 = System.nanoTime();
        List<NearDuplicates.Item> textOnly = new ArrayList<>();
        List<NearDuplicates.Item> withContacts = new ArrayList<>();
        for (int i = 0; i < ads.size(); i++) {
            textOnly.add(new NearDuplicates.Item(ads.get(i).text(), Set.of()));
            withContacts.add(new NearDuplicates.Item(ads.get(i).text(), contacts.get(i)));
        }
        int[] textClusters = clustering.clusters(textOnly);
        long t1 = System.nanoTime();
        int[] clusters = clustering.clusters(withContacts);
        long t2 = System.nanoTime();
        int[] truth = ads.stream().mapToInt(Ad::advertiser).toArray();
        System.out.printf(Locale.ROOT, "phones written: %d, normalised distinct: %d%n", phonesWritten,
                contacts.stream().flatMap(Set::stream).distinct().count());
        report("clustering, text only (MinHash/LSH)", textClusters, truth, t1 - t0);
        report("clustering, text + shared contacts", clusters, truth, t2 - t1);

        // triage: the queue's order, ad by ad (each ad at its cluster's place, then by its own matches)
        long t3 = System.nanoTime();
        List<List<Lexicon.Match>> matches = new ArrayList<>();
        List<Triage.Ad<Integer>> triage = new ArrayList<>();
        for (int i = 0; i < ads.size(); i++) {
            var found = lexicon.match("", ads.get(i).text());
            matches.add(found);
            triage.add(new Triage.Ad<>(i, clusters[i], ads.get(i).site(), ads.get(i).location(), found, contacts.get(i)));
        }
        List<Triage.Ranked<Integer>> queue = Triage.rank(triage);
        long t4 = System.nanoTime();
        List<Integer> queueOrder = new ArrayList<>();
        for (var ranked : queue) {
            ranked.ads().stream()
                    .sorted(Comparator.comparingInt((Integer i) -> -matches.get(i).size()).thenComparing(i -> i))
                    .forEach(queueOrder::add);
        }
        // the lexicon alone, ad by ad, without clusters: the sum of the weights of the ad's own categories
        List<Integer> lexiconOrder = order(ads.size(), i -> (double) matches.get(i).stream()
                .map(Lexicon.Match::category)
                .distinct()
                .mapToInt(Indicator::weight)
                .sum());
        // the keyword baseline: how many of the plain keywords the ad contains
        List<String[]> foldedKeywords = new ArrayList<>();
        for (String[] words : KEYWORDS) {
            String[] folded = new String[words.length];
            for (int w = 0; w < words.length; w++) {
                folded[w] = TextFolding.fold(words[w]);
            }
            foldedKeywords.add(folded);
        }
        List<Integer> keywordOrder = order(ads.size(), i -> {
            String text = TextFolding.fold(ads.get(i).text());
            double hits = 0;
            for (String[] words : foldedKeywords) {
                for (String word : words) {
                    if (text.contains(word)) {
                        hits++;
                    }
                }
            }
            return hits;
        });
        System.out.printf(Locale.ROOT, "triage: %d clusters in the queue (of %d), ranked in %d ms%n", queue.size(),
                java.util.Arrays.stream(clusters).distinct().count(), (t4 - t3) / 1_000_000);
        long queuedRisky = queueOrder.stream().filter(i -> ads.get(i).risky()).count();
        System.out.printf(Locale.ROOT, "ads in the queue: %d, of which from planted advertisers with indicators: %d"
                + " (%.3f of the %d such ads)%n", queueOrder.size(), queuedRisky, (double) queuedRisky / riskyAds,
                riskyAds);
        System.out.println("precision at k, ads (relevant = an ad of a planted advertiser with indicators):");
        System.out.println("       k   queue (clusters+reasons)   lexicon alone   keyword baseline");
        for (int k : new int[] {100, 500, 1000, 2000, 5000}) {
            System.out.printf(Locale.ROOT, "  %6d   %24.3f   %13.3f   %16.3f%n", k, precision(queueOrder, ads, k),
                    precision(lexiconOrder, ads, k), precision(keywordOrder, ads, k));
        }
        System.out.println("precision at k, clusters of the queue (relevant = most of its ads from a planted advertiser"
                + " with indicators):");
        for (int k : new int[] {10, 20, 50, 100, 200}) {
            int relevant = 0;
            for (var ranked : queue.subList(0, Math.min(k, queue.size()))) {
                long risky = ranked.ads().stream().filter(i -> ads.get(i).risky()).count();
                if (risky * 2 > ranked.ads().size()) {
                    relevant++;
                }
            }
            System.out.printf(Locale.ROOT, "  %6d   %.3f%n", k, (double) relevant / Math.min(k, queue.size()));
        }
        System.out.printf(Locale.ROOT, "time: generate %d ms, whole run %d ms; load average %s, %d cores%n",
                (generated - started) / 1_000_000, (System.nanoTime() - started) / 1_000_000, loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private List<Integer> order(int n, java.util.function.IntFunction<Double> score) {
        double[] scores = new double[n];
        double[] tie = new double[n];
        var tieBreak = new Random(7);
        for (int i = 0; i < n; i++) {
            scores[i] = score.apply(i);
            tie[i] = tieBreak.nextDouble();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingDouble(i -> tie[i]));
        return order;
    }

    private static double precision(List<Integer> order, List<Ad> ads, int k) {
        int relevant = 0;
        int n = Math.min(k, order.size());
        for (int i = 0; i < n; i++) {
            if (ads.get(order.get(i)).risky()) {
                relevant++;
            }
        }
        return (double) relevant / n;
    }

    private static void report(String what, int[] predicted, int[] truth, long nanos) {
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> predictedSizes = new HashMap<>();
        Map<Integer, Long> trueSizes = new HashMap<>();
        for (int i = 0; i < predicted.length; i++) {
            cells.merge(((long) predicted[i] << 32) | truth[i], 1L, Long::sum);
            predictedSizes.merge(predicted[i], 1L, Long::sum);
            trueSizes.merge(truth[i], 1L, Long::sum);
        }
        double together = cells.values().stream().mapToDouble(AdBenchmark::pairs).sum();
        double predictedPairs = predictedSizes.values().stream().mapToDouble(AdBenchmark::pairs).sum();
        double truePairs = trueSizes.values().stream().mapToDouble(AdBenchmark::pairs).sum();
        System.out.printf(Locale.ROOT, "%s: pairwise precision %.3f, recall %.3f (%d clusters for %d true advertisers),"
                + " %d ms%n", what, together / predictedPairs, together / truePairs, predictedSizes.size(),
                trueSizes.size(), nanos / 1_000_000);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    // ---------------------------------------------------------------- the synthetic collection

    List<Ad> generate(int total) {
        List<Ad> ads = new ArrayList<>();
        int advertiser = 0;
        List<Lexicon.Phrase> phrases = lexicon.phrases();
        // planted advertisers with indicators: about 12% of the ads
        int riskyTarget = total * 12 / 100;
        while (ads.size() < riskyTarget) {
            post(ads, advertiser++, true, 5 + random.nextInt(40), phrases);
        }
        // innocent advertisers with several ads: about 30%
        int multiTarget = ads.size() + total * 30 / 100;
        while (ads.size() < multiTarget) {
            post(ads, advertiser++, false, 2 + random.nextInt(20), phrases);
        }
        // single innocent ads: the rest
        while (ads.size() < total) {
            post(ads, advertiser++, false, 1, phrases);
        }
        return ads;
    }

    private void post(List<Ad> ads, int advertiser, boolean risky, int count, List<Lexicon.Phrase> phrases) {
        int language = random.nextInt(LANGUAGES.length);
        int kind = risky ? random.nextInt(2) : random.nextInt(3);
        // the advertiser's own words, its indicator phrases, its phones, its sites and places
        List<String> own = new ArrayList<>();
        for (int w = 0; w < 14 + random.nextInt(12); w++) {
            own.add(word());
        }
        List<String> indicators = new ArrayList<>();
        if (risky) {
            int many = 1 + random.nextInt(3);
            for (int p = 0; p < many; p++) {
                indicators.add(phraseIn(phrases, LANGUAGES[language]));
            }
        } else if (count > 1 && random.nextDouble() < 0.10) {
            // an innocent advertiser using a lexicon phrase innocently (seasonal work with lodging, a course fee)
            indicators.add(phraseIn(phrases, LANGUAGES[language]));
        }
        List<String> keywords = new ArrayList<>();
        // as many plain keywords in innocent ads as in the others: the keywords do not tell them apart
        int keywordCount = random.nextInt(4);
        for (int k = 0; k < keywordCount; k++) {
            keywords.add(KEYWORDS[language][random.nextInt(KEYWORDS[language].length)]);
        }
        List<String> numbers = new ArrayList<>();
        int phoneCount = random.nextDouble() < 0.85 ? 1 + (random.nextDouble() < 0.2 ? 1 : 0) : 0;
        for (int p = 0; p < phoneCount; p++) {
            numbers.add(nationalNumber(REGIONS[language]));
        }
        int siteCount = risky ? 1 + random.nextInt(4) : 1 + random.nextInt(2);
        List<String> sites = new ArrayList<>();
        for (int s = 0; s < siteCount; s++) {
            sites.add(SITES[random.nextInt(SITES.length)]);
        }
        int placeCount = risky ? 1 + random.nextInt(3) : 1;
        List<String> places = new ArrayList<>();
        for (int s = 0; s < placeCount; s++) {
            places.add(LOCATIONS[random.nextInt(LOCATIONS.length)]);
        }
        for (int a = 0; a < count; a++) {
            List<String> words = new ArrayList<>(own);
            // templated near-duplicates: a few words changed, a number changed
            int edits = random.nextInt(7);
            for (int e = 0; e < edits; e++) {
                words.set(random.nextInt(words.size()), word());
            }
            var text = new StringBuilder(BOILERPLATE[language][kind]).append(' ');
            if (random.nextDouble() < 0.3) {
                // a part of the text left out
                int cut = random.nextInt(words.size() / 2);
                words = new ArrayList<>(words.subList(cut, words.size()));
            }
            for (int w = 0; w < words.size(); w++) {
                text.append(words.get(w)).append(w % 7 == 6 ? ". " : " ");
            }
            // in a risky advertiser's ads, the indicator phrases appear in most ads, not all
            for (String phrase : indicators) {
                if (!risky || random.nextDouble() < 0.7) {
                    // a third of the time written so that no word list finds it (n0 d4ys 0ff)
                    text.append(random.nextDouble() < 0.33 ? obfuscated(phrase) : phrase).append(". ");
                }
            }
            for (String keyword : keywords) {
                text.append(keyword).append(' ').append(word()).append(". ");
            }
            text.append(18 + random.nextInt(60)).append(' ').append(word()).append('.');
            List<String> shown = new ArrayList<>();
            if (!numbers.isEmpty() && random.nextDouble() < 0.8) {
                shown.add(written(numbers.get(random.nextInt(numbers.size())), REGIONS[language]));
            }
            ads.add(new Ad(
                    advertiser,
                    risky,
                    LANGUAGES[language],
                    sites.get(random.nextInt(sites.size())),
                    places.get(random.nextInt(places.size())),
                    text.toString(),
                    shown));
        }
    }

    /** Letters replaced by look-alike digits, as ads do to evade filters. */
    private static String obfuscated(String phrase) {
        return phrase.replace('o', '0').replace('a', '4').replace('e', '3').replace('о', '0').replace('а', '4');
    }

    private String phraseIn(List<Lexicon.Phrase> phrases, String language) {
        List<Lexicon.Phrase> in = phrases.stream().filter(p -> p.language().equals(language)).toList();
        return in.get(random.nextInt(in.size())).phrase();
    }

    private String word() {
        var word = new StringBuilder();
        int syllables = 3 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    /** A mobile number of the region: its example number with the last six digits drawn. */
    private String nationalNumber(String region) {
        var example = phones.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        String digits = String.valueOf(example.getNationalNumber());
        var drawn = new StringBuilder(digits.substring(0, digits.length() - 6));
        for (int d = 0; d < 6; d++) {
            drawn.append(random.nextInt(10));
        }
        return "+" + example.getCountryCode() + drawn;
    }

    /** The number as an advertiser might write it: nationally, internationally, with 00, with dashes. */
    private String written(String e164, String region) {
        try {
            var number = phones.parse(e164, region);
            return switch (random.nextInt(4)) {
                case 0 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
                case 1 -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
                case 2 -> "00" + e164.substring(1);
                default -> phones.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replace(' ', '-');
            };
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(String language) {
        for (int i = 0; i < LANGUAGES.length; i++) {
            if (LANGUAGES[i].equals(language)) {
                return i;
            }
        }
        throw new IllegalArgumentException(language);
    }
}
