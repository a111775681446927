package org.opennrm.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The code lists of the trafficking profile, loaded from {@code cases/htcds-v2-code-lists.csv} (HTCDS v2.0,
 * CC BY 4.0, source noted in the file) and the national extensions in {@code cases/national-code-extensions.csv}, with countries (ISO 3166 alpha-3) and languages (ISO 639-2) from the
 * Java runtime's ISO tables. Labels are shown from the message bundle {@code i18n/cases} under
 * {@code code.<list>.<code>}; countries and languages in the reader's language from the runtime.
 */
@Component
public class CodeLists implements org.opennrm.cases.events.StandardCodes {

    public static final String GENDER = "gender";
    public static final String EXPLOITATION_FORM = "exploitationForm";
    public static final String SEXUAL_EXPLOITATION_TYPE = "sexualExploitationType";
    public static final String METHOD_OF_CONTROL = "methodOfControl";
    public static final String SECTOR = "sector";
    public static final String RECRUITMENT_METHOD = "recruitmentMethod";
    public static final String RECRUITMENT_PLATFORM = "recruitmentPlatform";
    public static final String RECRUITER_RELATIONSHIP = "recruiterRelationship";
    public static final String EVENT_TYPE = "eventType";
    public static final String COUNTRY = "country";
    public static final String LANGUAGE = "language";

    static final String SOURCE = "cases/htcds-v2-code-lists.csv";

    /** Codes the NRM counts that HTCDS has none for; see the file for why. */
    static final String NATIONAL_EXTENSIONS = "cases/national-code-extensions.csv";

    /** The forms of exploitation of the national extension, which an HTCDS export writes as "Other". */
    public static final Set<String> EXTENDED_EXPLOITATION_FORMS = Set.of("ForcedCriminality", "OnlineScamCompound");

    /**
     * The lists an administrator may extend with national codes in the pages, each new code declaring the standard code
     * of the list it maps to. Not extensible: gender, the relationship to the recruiter and the type of event (HTCDS
     * closed lists an exchange must understand as they are), the type of sexual exploitation, and the sectors, whose
     * codes statistics reads as ISIC sections.
     */
    public static final List<String> EXTENSIBLE =
            List.of(EXPLOITATION_FORM, METHOD_OF_CONTROL, RECRUITMENT_METHOD, RECRUITMENT_PLATFORM);

    private static final Pattern LINE = Pattern.compile("^([A-Za-z]+),([A-Za-z0-9_]+),\"([^\"]*)\",([A-Za-z_]+)$");

    private final Map<String, Set<String>> lists;
    private final Map<Locale, List<CodeOption>> countryOptions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Locale, List<CodeOption>> languageOptions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Locale, Map<String, String>> countryNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Locale, Map<String, String>> languageNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Locale, String> countryOptionsHtml = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> countries;
    private final Set<String> languages;
    private NationalCodes national;

    CodeLists() {
        this.lists = load();
        this.countries = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        var iso3 = new TreeSet<String>();
        for (String language : Locale.getISOLanguages()) {
            try {
                iso3.add(Locale.of(language).getISO3Language());
            } catch (java.util.MissingResourceException noThreeLetterCode) {
                // a few two-letter codes have no ISO 639-2 equivalent in the runtime: not offered
            }
        }
        this.languages = iso3;
    }

    /** The national codes added in the pages (absent where a test builds the code lists by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void national(NationalCodes national) {
        this.national = national;
    }

    /**
     * The codes a form offers: those shipped, in the order of the source, then the national codes added in the pages
     * and not retired, in the order they were added.
     */
    public List<String> codes(String list) {
        var shipped = shipped(list);
        if (national == null || !EXTENSIBLE.contains(list)) {
            return shipped;
        }
        var codes = new java.util.ArrayList<>(shipped);
        national.of(list).stream().filter(code -> !code.retired()).forEach(code -> codes.add(code.code()));
        return List.copyOf(codes);
    }

    /** The codes shipped with the platform (HTCDS and the file of national extensions), never those added in pages. */
    public List<String> shipped(String list) {
        return switch (list) {
            case COUNTRY -> List.copyOf(countries);
            case LANGUAGE -> List.copyOf(languages);
            default -> {
                var codes = lists.get(list);
                if (codes == null) {
                    throw new IllegalArgumentException("No code list " + list);
                }
                yield List.copyOf(codes);
            }
        };
    }

    /** A code of the list: shipped, or national, retired ones included (a case recorded with it keeps it). */
    public boolean contains(String list, String code) {
        if (code == null) {
            return false;
        }
        if (shipped(list).contains(code)) {
            return true;
        }
        return national != null
                && EXTENSIBLE.contains(list)
                && national.find(list, code).isPresent();
    }

    @Override
    public Map<String, String> parents(String list) {
        if (national == null || !EXTENSIBLE.contains(list)) {
            return Map.of();
        }
        Map<String, String> parents = new LinkedHashMap<>();
        national.of(list).forEach(code -> parents.put(code.code(), code.parent()));
        return java.util.Collections.unmodifiableMap(parents);
    }

    /** The standard code a code maps to: its parent for a national code added in the pages, else itself. */
    public String standard(String list, String code) {
        return parents(list).getOrDefault(code, code);
    }

    /** Refuses the first code that is not in the list. */
    void require(String list, Collection<String> codes) {
        for (String code : codes) {
            if (!contains(list, code)) {
                throw new CodeNotInList(list, code);
            }
        }
    }

    void requireOptional(String list, String code) {
        if (code != null && !contains(list, code)) {
            throw new CodeNotInList(list, code);
        }
    }

    /** Every country (alpha-3) with its name in the given language, by name. */
    public List<CodeOption> countryOptions(Locale locale) {
        return countryOptions.computeIfAbsent(locale, language -> {
            var collator = java.text.Collator.getInstance(language);
            return java.util.Arrays.stream(Locale.getISOCountries())
                    .map(alpha2 -> Locale.of("", alpha2))
                    .filter(country -> countries.contains(country.getISO3Country()))
                    .map(country -> new CodeOption(country.getISO3Country(), country.getDisplayCountry(language)))
                    .sorted(Comparator.comparing(CodeOption::label, collator))
                    .toList();
        });
    }

    /** Country names by alpha-3 code, in the given language (the case page names a person's countries). */
    public Map<String, String> countryNames(Locale locale) {
        return countryNames.computeIfAbsent(bounded(locale), language -> namesOf(countryOptions(language)));
    }

    /** Language names by ISO 639-2 code, in the given language. */
    public Map<String, String> languageNames(Locale locale) {
        return languageNames.computeIfAbsent(bounded(locale), reader -> namesOf(languageOptions(reader)));
    }

    /**
     * The {@code <option>} elements of every country, in the given language, as escaped HTML: a page that offers a
     * country choice inserts it with {@code th:utext} instead of building some 250 elements on every view (the
     * largest single part of rendering the case page in a profile). Labels come from the Java runtime, never
     * from a user; they are escaped all the same.
     */
    public String countryOptionsHtml(Locale locale) {
        return countryOptionsHtml.computeIfAbsent(bounded(locale), language -> {
            var html = new StringBuilder();
            for (CodeOption option : countryOptions(language)) {
                html.append("<option value=\"")
                        .append(HtmlUtils.htmlEscape(option.code(), "UTF-8"))
                        .append("\">")
                        .append(HtmlUtils.htmlEscape(option.label(), "UTF-8"))
                        .append("</option>");
            }
            return html.toString();
        });
    }

    private static Map<String, String> namesOf(List<CodeOption> options) {
        var names = new java.util.HashMap<String, String>();
        options.forEach(option -> names.put(option.code(), option.label()));
        return java.util.Collections.unmodifiableMap(names);
    }

    /**
     * A reader's locale as a cache key: the language alone, so that a cookie or header with an unusual locale
     * cannot fill the caches with variants of the same list.
     */
    private static Locale bounded(Locale locale) {
        return Locale.of(locale.getLanguage());
    }

    /** Every language (ISO 639-2) with its name in the given language, by name. */
    public List<CodeOption> languageOptions(Locale locale) {
        return languageOptions.computeIfAbsent(locale, reader -> {
            var collator = java.text.Collator.getInstance(reader);
            var options = new java.util.ArrayList<CodeOption>();
            for (String alpha2 : Locale.getISOLanguages()) {
                var language = Locale.of(alpha2);
                try {
                    options.add(new CodeOption(language.getISO3Language(), language.getDisplayLanguage(reader)));
                } catch (java.util.MissingResourceException ignored) {
                    // no three-letter code for this language
                }
            }
            options.sort(Comparator.comparing(CodeOption::label, collator));
            return List.copyOf(options);
        });
    }

    private static Map<String, Set<String>> load() {
        var loaded = new LinkedHashMap<String, Set<String>>();
        load(SOURCE, loaded);
        load(NATIONAL_EXTENSIONS, loaded);
        return loaded;
    }

    private static void load(String source, Map<String, Set<String>> loaded) {
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(source).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var matcher = LINE.matcher(line.strip());
                if (!matcher.matches()) {
                    throw new IllegalStateException("Unreadable line in " + source + ": " + line);
                }
                loaded.computeIfAbsent(matcher.group(1), list -> new LinkedHashSet<>())
                        .add(matcher.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.strip().split("\\s+")));
    }
}
