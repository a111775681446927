package org.opennrm.linkage.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Two agencies' lists of synthetic people drawn from the populations an NRM in the region meets, with the truth
 * known. Invented for benchmarks and tests; no real person's data.
 *
 * <p>What makes such lists hard, and is reproduced here: names come from small pools per origin country with
 * Zipf-like popularity (many women called Nguyen Thi Lan or Olena Kovalenko); each agency writes a name in its own
 * transliteration (Oleksandr, Olexandr, Aleksandr; Hoxha, Hodja) and one of them keeps diacritics; given and family
 * name are swapped; day and month are swapped; the year is off by one; date, sex or citizenship are missing. The
 * people only on list B come from the same populations, so wrong partners with the same popular name abound.
 *
 * <p>Usage (benchmarks): {@code java -cp linkage/target/classes:linkage/target/test-classes
 * org.opennrm.linkage.population.RealisticLists SIZE SHARED_SHARE SEED PREFIX} writes {@code PREFIX_a.csv},
 * {@code PREFIX_b.csv} (the built-in schema's layout) and {@code PREFIX_truth.csv} ({@code a_id,b_id}).
 */
public final class RealisticLists {

    static final String HEADER = "id,given_name,family_name,date_of_birth,sex,citizenship";

    /** How often each kind of difference is put into B's copy of a shared person; all independent. */
    public record Errors(
            double givenVariant,
            double familyVariant,
            double typo,
            double nameSwap,
            double dayMonthSwap,
            double yearOffByOne,
            double missingDate,
            double missingSex,
            double missingCitizenship) {

        /** Rates that make the record-level Dice score fall to about F1 0.8, as lists in the region do. */
        public static Errors typical() {
            return new Errors(0.35, 0.25, 0.15, 0.10, 0.12, 0.10, 0.08, 0.15, 0.20);
        }

        public static Errors none() {
            return new Errors(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** Two lists in CSV (header first) and the true pairs, as {@code a_id -> b_id}. */
    public record Lists(List<String> a, List<String> b, Map<String, String> truth) {

        public void write(String prefix) throws IOException {
            Files.write(Path.of(prefix + "_a.csv"), a, StandardCharsets.UTF_8);
            Files.write(Path.of(prefix + "_b.csv"), b, StandardCharsets.UTF_8);
            try (BufferedWriter out = Files.newBufferedWriter(Path.of(prefix + "_truth.csv"), StandardCharsets.UTF_8)) {
                out.write("a_id,b_id\n");
                for (var pair : truth.entrySet()) {
                    out.write(pair.getKey() + "," + pair.getValue() + "\n");
                }
            }
        }
    }

    private record Person(Origin origin, Name given, Name family, int year, int month, int day, String sex) {}

    private final SplittableRandom random;
    private final Errors errors;

    public RealisticLists(long seed, Errors errors) {
        this.random = new SplittableRandom(seed);
        this.errors = errors;
    }

    /** Lists of {@code size} records each; {@code sharedShare} of them are the same people on both lists. */
    public Lists generate(int size, double sharedShare) {
        int shared = (int) Math.round(size * sharedShare);
        List<Person> onA = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            onA.add(person());
        }
        List<String> a = new ArrayList<>(size + 1);
        a.add(HEADER);
        for (int i = 0; i < size; i++) {
            a.add(row("a" + i, onA.get(i), true));
        }
        // B: copies of the first `shared` people of A (A is in random order already) and people of its own, shuffled.
        List<String> rows = new ArrayList<>(size);
        List<String> sources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (i < shared) {
                rows.add(copy(onA.get(i)));
                sources.add("a" + i);
            } else {
                rows.add(row(null, person(), false));
                sources.add(null);
            }
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<String> b = new ArrayList<>(size + 1);
        b.add(HEADER);
        Map<String, String> truth = new java.util.LinkedHashMap<>();
        for (int k = 0; k < size; k++) {
            int source = order[k];
            String id = "b" + k;
            b.add(id + rows.get(source));
            if (sources.get(source) != null) {
                truth.put(sources.get(source), id);
            }
        }
        return new Lists(a, b, truth);
    }

    private Person person() {
        Origin origin = Origin.draw(random);
        String sex = random.nextBoolean() ? "F" : "M";
        Name given = Name.draw(sex.equals("F") ? origin.women : origin.men, random);
        Name family = Name.draw(origin.families, random);
        // Most people an NRM identifies are young adults: births mostly 1985 to 2008.
        int year = 1985 + (int) Math.min(23, Math.abs(random.nextGaussian()) * 9);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        return new Person(origin, given, family, year, month, day, sex);
    }

    /** A's row: the first spelling of each name, with its diacritics. */
    private String row(String id, Person p, boolean withDiacritics) {
        String given = withDiacritics ? p.given.spellings[0] : Name.plain(p.given.spellings[0]);
        String family = withDiacritics ? p.family.spellings[0] : Name.plain(p.family.spellings[0]);
        String line =
                "," + given + "," + family + "," + date(p.year, p.month, p.day) + "," + p.sex + "," + p.origin.code;
        return id == null ? line : id + line;
    }

    /** B's row for a person on both lists, without its id: B's spellings and B's errors. */
    private String copy(Person p) {
        String given = Name.plain(chance(errors.givenVariant()) ? p.given.variant(random) : p.given.spellings[0]);
        String family = Name.plain(chance(errors.familyVariant()) ? p.family.variant(random) : p.family.spellings[0]);
        if (chance(errors.typo())) {
            if (random.nextBoolean()) {
                given = typo(given);
            } else {
                family = typo(family);
            }
        }
        if (chance(errors.nameSwap())) {
            String swap = given;
            given = family;
            family = swap;
        }
        int year = p.year;
        int month = p.month;
        int day = p.day;
        if (chance(errors.dayMonthSwap()) && day <= 12 && day != month) {
            int swap = day;
            day = month;
            month = swap;
        }
        if (chance(errors.yearOffByOne()) && !(month == 2 && day == 29)) {
            year += random.nextBoolean() ? 1 : -1;
        }
        String dateOfBirth = chance(errors.missingDate()) ? "" : date(year, month, day);
        String sex = chance(errors.missingSex()) ? "" : p.sex;
        String citizenship = chance(errors.missingCitizenship()) ? "" : p.origin.code;
        return "," + given + "," + family + "," + dateOfBirth + "," + sex + "," + citizenship;
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private String typo(String name) {
        if (name.length() < 3) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, i) + letter + name.substring(i);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            default -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
        };
    }

    private static String date(int year, int month, int day) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    /** A name and the spellings agencies use for it; the first is the one in the origin country's script rules. */
    private record Name(String[] spellings) {

        /** Zipf-like: the r-th most popular name of a pool is drawn with weight 1 / r. */
        static Name draw(String[][] pool, SplittableRandom random) {
            double total = 0;
            for (int r = 1; r <= pool.length; r++) {
                total += 1.0 / r;
            }
            double u = random.nextDouble() * total;
            for (int r = 1; r <= pool.length; r++) {
                u -= 1.0 / r;
                if (u <= 0) {
                    return new Name(pool[r - 1]);
                }
            }
            return new Name(pool[pool.length - 1]);
        }

        String variant(SplittableRandom random) {
            return spellings.length == 1 ? spellings[0] : spellings[1 + random.nextInt(spellings.length - 1)];
        }

        static String plain(String name) {
            return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
        }
    }

    /** Origin countries with their share of identified people and invented, plausible name pools. */
    private enum Origin {
        UKR(
                "UKR",
                0.24,
                new String[][] {
                    {"Olena", "Elena", "Alyona"},
                    {"Yuliia", "Yulia", "Julia", "Iuliia"},
                    {"Nataliia", "Natalia", "Natalya"},
                    {"Tetiana", "Tatiana", "Tetyana"},
                    {"Iryna", "Irina"},
                    {"Oksana"},
                    {"Kateryna", "Ekaterina", "Katerina"},
                    {"Svitlana", "Svetlana"},
                    {"Anastasiia", "Anastasia"},
                    {"Viktoriia", "Viktoria", "Victoria"},
                    {"Hanna", "Ganna", "Anna"},
                    {"Liudmyla", "Lyudmila", "Ludmila"},
                    {"Mariia", "Maria"},
                    {"Khrystyna", "Kristina", "Hrystyna"},
                    {"Daryna", "Darina"}
                },
                new String[][] {
                    {"Oleksandr", "Olexandr", "Aleksandr", "Alexander"},
                    {"Serhii", "Sergey", "Serhiy", "Sergii"},
                    {"Andrii", "Andrei", "Andriy"},
                    {"Mykola", "Nikolai", "Mikola"},
                    {"Dmytro", "Dmitry", "Dmitriy"},
                    {"Volodymyr", "Vladimir", "Wolodymyr"},
                    {"Oleksii", "Aleksei", "Alexey"},
                    {"Ihor", "Igor"},
                    {"Vasyl", "Vasili", "Vasiliy"},
                    {"Yurii", "Yuri", "Iurii"},
                    {"Maksym", "Maxim"},
                    {"Bohdan", "Bogdan"}
                },
                new String[][] {
                    {"Kovalenko", "Kowalenko"},
                    {"Shevchenko", "Shevtchenko", "Chevtchenko"},
                    {"Bondarenko"},
                    {"Tkachenko", "Tkatchenko"},
                    {"Kravchenko", "Kravtchenko"},
                    {"Melnyk", "Melnik"},
                    {"Boiko", "Boyko"},
                    {"Kovalchuk", "Kowalczuk"},
                    {"Oliinyk", "Oleinik", "Oliynyk"},
                    {"Shevchuk", "Shevtchuk"},
                    {"Polishchuk", "Polischuk"},
                    {"Lysenko", "Lisenko"},
                    {"Savchenko", "Savtchenko"},
                    {"Marchenko"},
                    {"Moroz"},
                    {"Rudenko"},
                    {"Kharchenko", "Harchenko"},
                    {"Petrenko"},
                    {"Zhuk", "Zuk"},
                    {"Hrytsenko", "Gritsenko"}
                }),
        MDA(
                "MDA",
                0.16,
                new String[][] {
                    {"Maria"},
                    {"Ana"},
                    {"Elena", "Olena"},
                    {"Natalia", "Natalya"},
                    {"Tatiana", "Tatiana"},
                    {"Ecaterina", "Ekaterina"},
                    {"Svetlana"},
                    {"Cristina", "Kristina"},
                    {"Olga"},
                    {"Victoria", "Viktoria"},
                    {"Irina"},
                    {"Ludmila"}
                },
                new String[][] {
                    {"Ion", "Ivan"},
                    {"Vasile", "Vasilii"},
                    {"Gheorghe", "Gheorghii", "Georgii"},
                    {"Nicolae", "Nikolai"},
                    {"Sergiu", "Serghei", "Sergey"},
                    {"Andrei"},
                    {"Alexandru", "Aleksandr"},
                    {"Dumitru", "Dmitrii"},
                    {"Mihai", "Mihail"},
                    {"Victor", "Viktor"}
                },
                new String[][] {
                    {"Rusu"},
                    {"Ceban", "Cheban", "Ciobanu"},
                    {"Ciobanu", "Chiobanu"},
                    {"Lungu"},
                    {"Rotaru"},
                    {"Munteanu", "Munteano"},
                    {"Cojocaru", "Kozhokaru"},
                    {"Moraru"},
                    {"Turcan", "Turkan"},
                    {"Popa"},
                    {"Sîrbu", "Sirbu", "Sarbu"},
                    {"Cebotari", "Chebotari", "Ceboteri"},
                    {"Țurcanu", "Turcanu", "Tsurkanu"},
                    {"Guțu", "Gutu", "Gutsu"}
                }),
        ROU(
                "ROU",
                0.12,
                new String[][] {
                    {"Maria"},
                    {"Elena"},
                    {"Ioana"},
                    {"Andreea", "Andreia"},
                    {"Mihaela"},
                    {"Alexandra"},
                    {"Cristina"},
                    {"Ana-Maria", "Ana Maria"},
                    {"Florentina"},
                    {"Gabriela"},
                    {"Georgiana", "Giorgiana"},
                    {"Ștefania", "Stefania"}
                },
                new String[][] {
                    {"Ion", "Ioan"},
                    {"Gheorghe", "Gheorghiță"},
                    {"Constantin", "Costantin"},
                    {"Alexandru"},
                    {"Ștefan", "Stefan"},
                    {"Florin"},
                    {"Marian"},
                    {"Mihai"},
                    {"Ionuț", "Ionut"},
                    {"Andrei"}
                },
                new String[][] {
                    {"Popescu", "Popesku"},
                    {"Popa"},
                    {"Pop"},
                    {"Radu"},
                    {"Dumitru", "Dumitriu"},
                    {"Stan"},
                    {"Stoica"},
                    {"Gheorghe"},
                    {"Matei"},
                    {"Ciobanu"},
                    {"Ionescu", "Ionesku"},
                    {"Rusu"},
                    {"Munteanu"},
                    {"Constantin"},
                    {"Mocanu"},
                    {"Lupu"},
                    {"Năstase", "Nastase"},
                    {"Ene"}
                }),
        VNM(
                "VNM",
                0.16,
                new String[][] {
                    {"Thị Lan", "Thi Lan"},
                    {"Thị Hương", "Thi Huong"},
                    {"Thị Hoa", "Thi Hoa"},
                    {"Thị Mai", "Thi Mai"},
                    {"Thị Hằng", "Thi Hang"},
                    {"Thị Thu", "Thi Thu"},
                    {"Ngọc Anh", "Ngoc Anh"},
                    {"Thị Linh", "Thi Linh"},
                    {"Thị Nga", "Thi Nga"},
                    {"Thị Trang", "Thi Trang"}
                },
                new String[][] {
                    {"Văn Nam", "Van Nam"},
                    {"Văn Hùng", "Van Hung"},
                    {"Văn Minh", "Van Minh"},
                    {"Văn Tuấn", "Van Tuan"},
                    {"Đức Anh", "Duc Anh"},
                    {"Văn Dũng", "Van Dung"},
                    {"Quang Huy"},
                    {"Văn Long", "Van Long"},
                    {"Minh Đức", "Minh Duc"}
                },
                new String[][] {
                    {"Nguyễn", "Nguyen", "Ngyuen"},
                    {"Trần", "Tran"},
                    {"Lê", "Le"},
                    {"Phạm", "Pham"},
                    {"Hoàng", "Hoang", "Huynh"},
                    {"Vũ", "Vu", "Võ"},
                    {"Đặng", "Dang"},
                    {"Bùi", "Bui"},
                    {"Đỗ", "Do"},
                    {"Ngô", "Ngo"}
                }),
        ALB(
                "ALB",
                0.14,
                new String[][] {
                    {"Elira"},
                    {"Anjeza", "Anxhela"},
                    {"Mirela"},
                    {"Ermira"},
                    {"Klaudia", "Claudia"},
                    {"Dorina"},
                    {"Blerina"},
                    {"Albana"},
                    {"Xhensila", "Jensila"},
                    {"Fjorela", "Fiorela"}
                },
                new String[][] {
                    {"Arben"},
                    {"Besnik"},
                    {"Ilir"},
                    {"Gëzim", "Gezim"},
                    {"Artan"},
                    {"Erion"},
                    {"Klodian", "Klodjan"},
                    {"Mërgim", "Mergim"},
                    {"Altin"},
                    {"Fatmir"}
                },
                new String[][] {
                    {"Hoxha", "Hodja", "Hoxhaj", "Hodza"},
                    {"Krasniqi", "Krasniki", "Krasnici"},
                    {"Berisha"},
                    {"Shehu", "Sehu"},
                    {"Gashi"},
                    {"Çela", "Cela", "Tchela"},
                    {"Leka"},
                    {"Dervishi", "Dervisi"},
                    {"Kola"},
                    {"Prifti"},
                    {"Marku"},
                    {"Bushati"},
                    {"Rama"}
                }),
        NGA(
                "NGA",
                0.18,
                new String[][] {
                    {"Blessing"},
                    {"Joy"},
                    {"Favour", "Favor"},
                    {"Precious"},
                    {"Mercy"},
                    {"Faith"},
                    {"Chioma"},
                    {"Ngozi"},
                    {"Adaeze", "Adaize"},
                    {"Oluwaseun", "Seun"},
                    {"Ifeoma"},
                    {"Esther"},
                    {"Gift"},
                    {"Success"}
                },
                new String[][] {
                    {"Chinedu"},
                    {"Emeka", "Chukwuemeka"},
                    {"Samuel"},
                    {"Godwin"},
                    {"Ibrahim"},
                    {"Oluwaseun"},
                    {"Daniel"},
                    {"Kingsley"},
                    {"Uche", "Uchechukwu"},
                    {"Tunde", "Babatunde"}
                },
                new String[][] {
                    {"Okafor", "Okaforr"},
                    {"Okeke"},
                    {"Adeyemi", "Adeyemmi"},
                    {"Eze"},
                    {"Nwosu"},
                    {"Okonkwo", "Okonkow"},
                    {"Ibrahim"},
                    {"Musa"},
                    {"Bello"},
                    {"Ogunleye", "Ogunlaye"},
                    {"Osagie"},
                    {"Igbinedion", "Igbinidion"},
                    {"Edo"},
                    {"Obi"},
                    {"Okoro"}
                });

        final String code;
        final double share;
        final String[][] women;
        final String[][] men;
        final String[][] families;

        Origin(String code, double share, String[][] women, String[][] men, String[][] families) {
            this.code = code;
            this.share = share;
            this.women = women;
            this.men = men;
            this.families = families;
        }

        static Origin draw(SplittableRandom random) {
            double u = random.nextDouble();
            for (Origin origin : values()) {
                u -= origin.share;
                if (u <= 0) {
                    return origin;
                }
            }
            return NGA;
        }
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        double shared = Double.parseDouble(args[1]);
        long seed = Long.parseLong(args[2]);
        Lists lists = new RealisticLists(seed, Errors.typical()).generate(size, shared);
        lists.write(args[3]);
        System.out.printf(
                Locale.ROOT,
                "wrote %s_a.csv, %s_b.csv (%d records each), %s_truth.csv (%d true pairs), seed %d%n",
                args[3],
                args[3],
                size,
                args[3],
                lists.truth().size(),
                seed);
    }
}
