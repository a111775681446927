import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded generator of synthetic identities with realistic errors, for the linkage benchmarks. Writes two CSV
 * files in the default schema's layout (id,given_name,family_name,date_of_birth,sex,citizenship) and the
 * ground truth. No real person's data: names are drawn from common-name lists and syllables.
 *
 * <p>B holds noisy copies of a share of A's people (in random order) plus people of its own. Each copy gets 0 to
 * 3 errors: typos (insert, delete, substitute, transpose), transliteration variants (Oleksandr/Aleksandr,
 * Mykola/Nikolai, Yulia/Julia, Kh/H, Y/I spellings), day and month swapped, a year digit changed, missing
 * values, letter case.
 *
 * <p>Usage: java Generate.java SIZE_A SIZE_B OVERLAP SEED OUT_PREFIX  (writes PREFIX_a.csv, PREFIX_b.csv,
 * PREFIX_truth.csv)
 */
public class Generate {

    static final String[][] GIVEN_VARIANTS = {
        {"Oleksandr", "Aleksandr", "Olexandr", "Alexander"}, {"Olena", "Elena", "Alena"}, {"Mykola", "Nikolai", "Mikola"},
        {"Serhii", "Sergey", "Serhiy", "Sergii"}, {"Yulia", "Julia", "Iuliia", "Yuliya"}, {"Dmytro", "Dmitry", "Dmitriy"},
        {"Andrii", "Andrei", "Andriy", "Andrey"}, {"Kateryna", "Ekaterina", "Katerina"}, {"Mykhailo", "Mikhail", "Mihail"},
        {"Oleksii", "Aleksei", "Alexey", "Oleksiy"}, {"Tetiana", "Tatiana", "Tetyana"}, {"Iryna", "Irina"},
        {"Nataliia", "Natalia", "Natalya"}, {"Volodymyr", "Vladimir", "Wladimir"}, {"Hanna", "Ganna", "Anna"},
        {"Ihor", "Igor"}, {"Oleh", "Oleg"}, {"Yevhen", "Evgeny", "Yevgen"}, {"Viktoriia", "Viktoria", "Victoria"},
        {"Khrystyna", "Kristina", "Hrystyna"}, {"Maksym", "Maxim", "Maksim"}, {"Yurii", "Yuri", "Iurii"},
    };
    static final String[] GIVEN = {
        "Maria", "Ion", "Elena", "Ana", "Vasile", "Gheorghe", "Ioana", "Mihai", "Cristina", "Nicolae", "Svetlana",
        "Fatima", "Amina", "Ahmed", "Mohammed", "Aisha", "Omar", "Layla", "Hassan", "Zainab", "Yusuf", "Mariam",
        "Grace", "Blessing", "Chinedu", "Ngozi", "Emeka", "Adaeze", "Oluwaseun", "Kwame", "Ama", "Kofi", "Esi",
        "Linh", "Minh", "Thanh", "Huong", "Tuan", "Lan", "Hoa", "Duc", "Wei", "Li", "Jing", "Ming", "Xiu", "Hui",
        "Arben", "Elira", "Besnik", "Drita", "Blerta", "Ivan", "Petar", "Dimitar", "Georgi", "Stoyan", "Desislava",
        "Rosa", "Carmen", "Lucia", "Jose", "Juan", "Luis", "Sofia", "Camila", "Valentina", "Daniela", "Gabriela",
        "Priya", "Anjali", "Ravi", "Sunita", "Arjun", "Deepa", "Rahul", "Pooja", "Amit", "Neha", "Kiran", "Sanjay",
        "Sara", "David", "Daniel", "Anna", "Laura", "Julia", "Emma", "Lea", "Nina", "Eva", "Mia", "Lena", "Paul",
    };
    static final String[] FAMILY = {
        "Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Shevchuk", "Koval",
        "Polishchuk", "Bondar", "Tkachuk", "Moroz", "Marchenko", "Lysenko", "Rudenko", "Savchenko", "Petrenko",
        "Klymenko", "Pavlenko", "Kharchenko", "Melnyk", "Boiko", "Kovalchuk", "Ivanova", "Petrova", "Sidorova",
        "Popescu", "Ionescu", "Rusu", "Munteanu", "Ciobanu", "Ceban", "Lungu", "Rotaru", "Cojocaru", "Moraru",
        "Okafor", "Okeke", "Mensah", "Adeyemi", "Eze", "Nwosu", "Boateng", "Owusu", "Haddad", "Khalil", "Hussein",
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao",
        "Hoxha", "Krasniqi", "Gashi", "Berisha", "Dimitrov", "Georgiev", "Petrov", "Ivanov", "Garcia", "Martinez",
        "Lopez", "Gonzalez", "Rodriguez", "Sharma", "Singh", "Kumar", "Patel", "Gupta", "Khan", "Ali", "Ahmed",
    };
    static final String[] SYLLABLES = {
        "ko", "va", "len", "ra", "mi", "shen", "dor", "tar", "bel", "ni", "sa", "ro", "ta", "li", "ma", "nu", "zo",
        "ki", "pe", "lu", "gan", "sor", "vic", "bor", "dan", "sky", "ov", "ev", "chuk", "enko", "escu", "ic", "ak",
    };
    static final String[] CITIZENSHIP = {
        "UKR", "MDA", "ROU", "NGA", "GHA", "SYR", "VNM", "CHN", "BGR", "ALB", "IND", "PAK", "COL", "VEN", "ERI",
        "ETH", "AFG", "IRQ", "MAR", "SEN", "PHL", "THA", "KGZ", "UZB", "TJK", "BLR", "RUS", "GEO", "ARM", "AZE",
    };

    record Person(String given, int variantGroup, String family, int year, int month, int day, String sex, String citizenship) {}

    public static void main(String[] args) throws Exception {
        int sizeA = Integer.parseInt(args[0]);
        int sizeB = Integer.parseInt(args[1]);
        double overlap = Double.parseDouble(args[2]);
        long seed = Long.parseLong(args[3]);
        String prefix = args[4];
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> people = new ArrayList<>(sizeA);
        for (int i = 0; i < sizeA; i++) people.add(person(random));
        int shared = (int) Math.min(sizeB, Math.round(sizeA * overlap));
        int[] sharedPeople = random.ints(0, sizeA).distinct().limit(shared).toArray();
        // B rows: first the copies, then new people, then shuffled.
        int[] rowOrder = new int[sizeB];
        for (int i = 0; i < sizeB; i++) rowOrder[i] = i;
        for (int i = sizeB - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rowOrder[i]; rowOrder[i] = rowOrder[j]; rowOrder[j] = t;
        }
        String header = "id,given_name,family_name,date_of_birth,sex,citizenship";
        try (BufferedWriter a = Files.newBufferedWriter(Path.of(prefix + "_a.csv"))) {
            a.write(header + "\n");
            for (int i = 0; i < sizeA; i++) a.write(row("a" + i, people.get(i)) + "\n");
        }
        String[] rowsB = new String[sizeB];
        try (BufferedWriter truth = Files.newBufferedWriter(Path.of(prefix + "_truth.csv"))) {
            truth.write("a_id,b_id\n");
            for (int k = 0; k < sizeB; k++) {
                String id = "b" + k;
                if (k < shared) {
                    int source = sharedPeople[k];
                    rowsB[rowOrder[k]] = corrupt(id, people.get(source), random);
                    truth.write("a" + source + "," + id + "\n");
                } else {
                    rowsB[rowOrder[k]] = row(id, person(random));
                }
            }
        }
        try (BufferedWriter b = Files.newBufferedWriter(Path.of(prefix + "_b.csv"))) {
            b.write(header + "\n");
            for (String row : rowsB) b.write(row + "\n");
        }
        System.out.printf(Locale.ROOT, "wrote %s_a.csv (%d), %s_b.csv (%d), %s_truth.csv (%d true pairs), seed %d%n",
                prefix, sizeA, prefix, sizeB, prefix, shared, seed);
    }

    static Person person(SplittableRandom random) {
        String given;
        int group = -1;
        // Zipf-like popularity: a few names are very common, as in real lists.
        if (random.nextDouble() < 0.35) {
            group = skewed(random, GIVEN_VARIANTS.length);
            given = GIVEN_VARIANTS[group][0];
        } else {
            given = GIVEN[skewed(random, GIVEN.length)];
        }
        String family = random.nextDouble() < 0.3
                ? FAMILY[skewed(random, FAMILY.length)]
                : capitalise(SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                        + SYLLABLES[random.nextInt(SYLLABLES.length)]);
        int year = 1950 + random.nextInt(58);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        String sex = random.nextBoolean() ? "F" : "M";
        String citizenship = CITIZENSHIP[skewed(random, CITIZENSHIP.length)];
        return new Person(given, group, family, year, month, day, sex, citizenship);
    }

    static String corrupt(String id, Person p, SplittableRandom random) {
        String given = p.given(), family = p.family(), sex = p.sex(), citizenship = p.citizenship();
        int year = p.year(), month = p.month(), day = p.day();
        boolean dateMissing = false;
        int errors = random.nextInt(4);
        for (int e = 0; e < errors; e++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> given = typo(given, random);
                case 2, 3 -> family = typo(family, random);
                case 4 -> {
                    if (p.variantGroup() >= 0) {
                        String[] variants = GIVEN_VARIANTS[p.variantGroup()];
                        given = variants[random.nextInt(variants.length)];
                    } else {
                        family = family.replace("kh", "h").replace("y", "i").replace("ch", "tch");
                    }
                }
                case 5 -> {
                    if (day <= 12) { int t = day; day = month; month = t; }
                    else if (month != 2 || day != 29) year += random.nextBoolean() ? 1 : -1;
                }
                case 6 -> {
                    switch (random.nextInt(4)) {
                        case 0 -> given = "";
                        case 1 -> dateMissing = true;
                        case 2 -> citizenship = "";
                        default -> sex = "";
                    }
                }
                default -> {
                    given = random.nextBoolean() ? given.toUpperCase(Locale.ROOT) : given;
                    family = random.nextBoolean() ? family.toUpperCase(Locale.ROOT) : family.toLowerCase(Locale.ROOT);
                }
            }
        }
        String date = dateMissing ? "" : String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        return id + "," + given + "," + family + "," + date + "," + sex + "," + citizenship;
    }

    static String typo(String s, SplittableRandom random) {
        if (s.length() < 2) return s;
        int i = random.nextInt(s.length() - 1);
        char c = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + c + s.substring(i);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c + s.substring(i + 1);
            default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        };
    }

    static String row(String id, Person p) {
        return String.format(Locale.ROOT, "%s,%s,%s,%04d-%02d-%02d,%s,%s", id, p.given(), p.family(), p.year(), p.month(), p.day(), p.sex(), p.citizenship());
    }

    static int skewed(SplittableRandom random, int n) {
        // Popular names first: index = n * u^1.6, so the most common name is about 6% of a list of 100 names.
        double u = random.nextDouble();
        int i = (int) Math.floor(Math.pow(u, 1.6) * n);
        return Math.min(n - 1, i);
    }

    static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
