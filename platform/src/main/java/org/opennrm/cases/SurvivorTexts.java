package org.opennrm.cases;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Everything a person the NRM helps reads or answers - the consent information, the leaflet of their rights in the
 * recovery and reflection period, the feedback questions - in the languages of the people the NRM serves, which are
 * more than the six languages of the pages. One file per language, {@code survivor-texts/<code>.properties} (code:
 * ISO 639-1), inside the platform and, for an NRM that adds a language without a new release, in the folder of
 * {@code opennrm.survivor-texts.directory}; a file there replaces the platform's file of the same language.
 *
 * <p>Each file says where its words come from and how far they were checked ({@code meta.source}, {@code
 * meta.status}, {@code meta.reviewedBy}, {@code meta.reviewedOn}), and whether the language is written right to
 * left ({@code meta.direction}). Staff see this beside the text, so that a text nobody has reviewed is read with
 * care. A text missing in a language is shown in English, and said to be.
 */
@Component
public class SurvivorTexts {

    private static final Logger log = LoggerFactory.getLogger(SurvivorTexts.class);
    private static final Pattern CODE = Pattern.compile("[a-z]{2}");
    static final String ENGLISH = "en";

    /** How far a translation was checked. */
    public enum ReviewStatus {
        /** The text as written, in the language it was written in. */
        ORIGINAL,
        /** Checked by a named translator or reviewer. */
        REVIEWED,
        /** Drafted by machine translation and not yet checked by a person who speaks the language. */
        MACHINE_DRAFTED
    }

    /** One language's texts and what is known about them. */
    public record Language(
            String code,
            String name,
            boolean rightToLeft,
            String source,
            ReviewStatus status,
            String reviewedBy,
            String reviewedOn,
            Map<String, String> texts) {

        public String direction() {
            return rightToLeft ? "rtl" : "ltr";
        }
    }

    /** A text in the language asked for, or in English when that language lacks it. */
    public record Text(String language, String direction, String value, boolean inEnglish) {}

    private final Map<String, Language> languages;

    public SurvivorTexts(@Value("${opennrm.survivor-texts.directory:}") String directory) throws IOException {
        var found = new LinkedHashMap<String, Language>();
        var resolver = new PathMatchingResourcePatternResolver(SurvivorTexts.class.getClassLoader());
        for (Resource file : resolver.getResources("classpath*:survivor-texts/*.properties")) {
            read(file).ifPresent(language -> found.put(language.code(), language));
        }
        if (directory != null && !directory.isBlank()) {
            for (Resource file : resolver.getResources("file:" + directory.strip() + "/*.properties")) {
                read(file).ifPresent(language -> found.put(language.code(), language));
            }
        }
        if (!found.containsKey(ENGLISH)) {
            throw new IllegalStateException("survivor-texts/en.properties is missing: English is every text's source");
        }
        var sorted = new LinkedHashMap<String, Language>();
        sorted.put(ENGLISH, found.get(ENGLISH));
        found.values().stream()
                .filter(language -> !language.code().equals(ENGLISH))
                .sorted(Comparator.comparing(Language::code))
                .forEach(language -> sorted.put(language.code(), language));
        this.languages = Map.copyOf(sorted);
        this.order = List.copyOf(sorted.keySet());
    }

    private final List<String> order;

    /** Every language, English first, then by code. */
    public List<Language> languages() {
        return order.stream().map(languages::get).toList();
    }

    public Optional<Language> language(String code) {
        return Optional.ofNullable(code).map(c -> languages.get(c.strip().toLowerCase(Locale.ROOT)));
    }

    public boolean offers(String code) {
        return language(code).isPresent();
    }

    /** The text of a key in a language, in English (and said to be) where the language lacks it. */
    public Text text(String code, String key) {
        var language = language(code).orElse(languages.get(ENGLISH));
        var value = language.texts().get(key);
        if (value != null && !value.isBlank()) {
            return new Text(language.code(), language.direction(), value, false);
        }
        var english = languages.get(ENGLISH).texts().getOrDefault(key, "");
        return new Text(ENGLISH, "ltr", english, !language.code().equals(ENGLISH));
    }

    /** The English keys of one kind of text ("leaflet.right."), in their order. */
    public List<String> keys(String prefix) {
        return languages.get(ENGLISH).texts().keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .sorted()
                .toList();
    }

    /**
     * The language to show: the one asked for if offered, else the person's own (their recorded languages, ISO 639-2,
     * first one that is offered), else the page's, else English.
     */
    public String choose(String asked, List<String> recorded, Locale page) {
        if (offers(asked)) {
            return asked.strip().toLowerCase(Locale.ROOT);
        }
        for (String iso639_2 : recorded) {
            var offered = fromIso639_2(iso639_2);
            if (offered.isPresent()) {
                return offered.get();
            }
        }
        if (page != null && offers(page.getLanguage())) {
            return page.getLanguage();
        }
        return ENGLISH;
    }

    /** The offered language of an ISO 639-2 code as the platform stores it ("ukr", "ron" or "rum"). */
    public Optional<String> fromIso639_2(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        var asked = BIBLIOGRAPHIC.getOrDefault(
                code.strip().toLowerCase(Locale.ROOT), code.strip().toLowerCase(Locale.ROOT));
        return order.stream()
                .filter(offered -> Locale.of(offered).getISO3Language().equals(asked))
                .findFirst();
    }

    /** ISO 639-2 has two codes for some languages; the platform's list holds the terminological one. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.of(
            "alb", "sqi", "rum", "ron", "ger", "deu", "fre", "fra", "chi", "zho", "per", "fas", "arm", "hye", "geo",
            "kat", "mac", "mkd", "bur", "mya");

    private static Optional<Language> read(Resource file) {
        var name = String.valueOf(file.getFilename());
        var code = name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
        if (!CODE.matcher(code).matches()) {
            log.warn("Survivor texts file {} left out: its name is not a two-letter language code", name);
            return Optional.empty();
        }
        var properties = new Properties();
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException unreadable) {
            log.warn("Survivor texts file {} left out: it cannot be read", name);
            return Optional.empty();
        }
        ReviewStatus status;
        try {
            status = ReviewStatus.valueOf(
                    properties.getProperty("meta.status", "").strip());
        } catch (IllegalArgumentException unknown) {
            log.warn("Survivor texts file {} left out: meta.status is not ORIGINAL, REVIEWED or MACHINE_DRAFTED", name);
            return Optional.empty();
        }
        var texts = new LinkedHashMap<String, String>();
        var keys = new ArrayList<>(properties.stringPropertyNames());
        keys.sort(Comparator.naturalOrder());
        for (String key : keys) {
            if (!key.startsWith("meta.")) {
                texts.put(key, properties.getProperty(key).strip());
            }
        }
        return Optional.of(new Language(
                code,
                properties.getProperty("meta.name", code).strip(),
                "rtl"
                        .equalsIgnoreCase(
                                properties.getProperty("meta.direction", "ltr").strip()),
                properties.getProperty("meta.source", "").strip(),
                status,
                properties.getProperty("meta.reviewedBy", "").strip(),
                properties.getProperty("meta.reviewedOn", "").strip(),
                Map.copyOf(texts)));
    }
}
