package org.opennrm.prevention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The label people read for a category code of a published table, in their language, from the code lists the rest
 * of the platform labels these codes with: HTCDS forms, means of control, recruiters and genders ({@code code.*} of
 * the cases bundle; a fact writes {@code ForcedLabour} as {@code FORCED_LABOUR}), ISIC sections of work (a fact keeps
 * the section letter of HTCDS's {@code A_AgricultureForestryAndFishing}), countries (ISO 3166 alpha-3, named as the
 * case file names them), regions (as the organisations that serve them register them), organisation sectors,
 * decision outcomes and services (their modules' labels). A code without a label is shown as it is, so that a
 * missing label is seen, never hidden. Templates call it as {@code @preventionCategories.label(dimension, code)}.
 */
@Component("preventionCategories")
class CategoryLabels {

    /* ISIC section letter to the HTCDS sector code, from the HTCDS code lists the cases module validates with. */
    private static final String HTCDS_CODE_LISTS = "cases/htcds-v2-code-lists.csv";
    private static final Pattern SECTOR_CODE = Pattern.compile("([A-U])_[A-Za-z]+");

    private final MessageSource messages;
    private final OrganisationRegistry organisations;
    private final Map<String, String> sectors;
    private final Map<String, Locale> countries = new HashMap<>();

    CategoryLabels(MessageSource messages, OrganisationRegistry organisations) {
        this.messages = messages;
        this.organisations = organisations;
        this.sectors = sectorCodes();
        for (String country : Locale.getISOCountries()) {
            Locale locale = Locale.of("", country);
            try {
                countries.put(locale.getISO3Country(), locale);
            } catch (java.util.MissingResourceException none) {
                // a country without a three-letter code
            }
        }
    }

    /** The label of a category in the reader's language; null for a total (no category). */
    public String label(String dimension, String code) {
        return label(dimension, code, LocaleContextHolder.getLocale());
    }

    String label(String dimension, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        if (code.equals("UNKNOWN") || code.equals("MULTIPLE")) {
            return message("prevention.category." + code, locale).orElse(code);
        }
        Optional<String> label =
                switch (dimension == null ? "" : dimension) {
                    case "exploitation-form" -> message("code.exploitationForm." + camel(code), locale);
                    case "method-of-control" -> message("code.methodOfControl." + camel(code), locale);
                    case "recruiter-relationship" -> message("code.recruiterRelationship." + camel(code), locale);
                    case "sex" ->
                        message("code.gender." + camel(code), locale)
                                .or(() -> message("prevention.category.sex." + code, locale));
                    case "sector" ->
                        Optional.ofNullable(sectors.get(code)).flatMap(full -> message("code.sector." + full, locale));
                    case "citizenship", "country-of-exploitation" ->
                        Optional.ofNullable(countries.get(code)).map(country -> country.getDisplayCountry(locale));
                    case "region" -> region(code);
                    case "referring-sector" -> message("sector." + code, locale);
                    case "decision-outcome" -> message("outcome." + code, locale);
                    case "service" -> message("serviceType." + code, locale);
                    case "age-group" -> message("prevention.category.age." + code, locale);
                    default -> Optional.empty();
                };
        return label.orElse(code);
    }

    /** {@code FORCED_LABOUR} as the HTCDS code {@code ForcedLabour}. */
    static String camel(String code) {
        var camel = new StringBuilder();
        for (String word : code.split("_")) {
            if (!word.isEmpty()) {
                camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return camel.toString();
    }

    /** A region code ({@code NORTH-REGION}) as a serving organisation writes the region ({@code North Region}). */
    private Optional<String> region(String code) {
        return organisations.all().stream()
                .flatMap(organisation -> organisation.regionsServed().stream())
                .filter(name -> code.equals(regionCode(name)))
                .findFirst()
                .map(String::strip);
    }

    /* how the statistics module writes a region's name as a code (statistics.Regions.code) */
    static String regionCode(String name) {
        String code = name.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (code.length() > 20) {
            code = code.substring(0, 20).replaceAll("-+$", "");
        }
        return code;
    }

    private Optional<String> message(String key, Locale locale) {
        return Optional.ofNullable(messages.getMessage(key, null, null, locale));
    }

    private static Map<String, String> sectorCodes() {
        var sections = new HashMap<String, String>();
        var resource = new ClassPathResource(HTCDS_CODE_LISTS);
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("sector,")) {
                    String full = line.split(",", 3)[1];
                    var matcher = SECTOR_CODE.matcher(full);
                    if (matcher.matches()) {
                        sections.put(matcher.group(1), full);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the HTCDS code lists could not be read", e);
        }
        return Map.copyOf(sections);
    }
}
