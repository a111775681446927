package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.Pages.withoutTokens;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opennrm.Pages;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.CaseFixtures;
import org.opennrm.cases.CaseManagement;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * People see labels in their language, never codes. Signed in as each role, the test follows every link of the
 * platform's pages from the home page (GET only, within the platform, up to a limit) and reads the text a person
 * sees: no enum code (FORCED_LABOUR), no HTCDS or ISO code list (ForcedLabour, "rus, ukr"), no raw id (a UUID) may
 * appear outside what is marked as entered data or identifiers ({@code translate="no"}) and form values.
 */
@PlatformTest
class LabelsNotCodesTests {

    /** An enum constant: two or more upper-case words joined by underscores. */
    static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");
    /** A UUID. */
    static final Pattern UUID_TEXT =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    /** A list of three-letter codes as stored: "rus, ukr" or "MDA, UKR" (checked against ISO codes below). */
    static final Pattern CODE_LIST = Pattern.compile("\\b(?:[a-z]{3}|[A-Z]{3})(?:, ?(?:[a-z]{3}|[A-Z]{3}))+\\b");

    /** ISO 639-2 language and ISO 3166 alpha-3 country codes, as the platform stores them. */
    static final Set<String> ISO_CODES = isoCodes();
    /** An HTCDS code written as one CamelCase word of two or more words (ForcedLabour, DebtBondage). */
    static final Pattern CAMEL_CODE = Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b");

    /** Words that look like codes but are names people know: the platform's own and standards'. */
    static final Set<String> NAMES = Set.of(
            "OpenNRM",
            "OpenAPI",
            "JavaScript",
            "PostgreSQL",
            "GitHub",
            "WhatsApp",
            "SnapChat",
            "WeChat",
            "TikTok",
            "LinkedIn",
            "YouTube",
            "OnlyFans",
            "OpenStreetMap",
            "OpenDocument");

    static final int MOST_PAGES = 60;

    /** The marker an administrator sees after a word that fell back to English (TranslatedMessages.MARKER). */
    static final String UNTRANSLATED = "[EN]";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    CaseManagement cases;

    @Autowired
    OrganisationRegistry organisations;

    @BeforeEach
    void aCaseWithAProfileAndConsents() {
        var inspectorate = organisations
                .findByName("State Labour Inspectorate")
                .orElseThrow()
                .id();
        var shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        SignedIn.as(Role.REFERRER, inspectorate, () -> cases.open(CaseFixtures.adultReferral(shelter)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "casemanager",
                "identification",
                "inspector",
                "shelter",
                "guardian",
                "statistician",
                "coordinator",
                "admin",
                "prevention",
                "planner",
                "adanalyst",
                "fiu",
                "procurement"
            })
    void everyPageAPersonReachesShowsLabelsNotCodes(String username) throws Exception {
        var codes = new ArrayList<String>();
        var seen = crawl(username, java.util.Locale.ENGLISH, (path, page) -> {
            for (String found : codesIn(page.body())) {
                codes.add(path + ": " + found);
            }
            var text = page.body().text();
            if (text.contains("??")) { // Thymeleaf writes a key missing in every bundle as ??key_en??
                codes.add(path + ": a message key is shown: " + abbreviated(text.substring(text.indexOf("??"))));
            }
        });
        if (username.equals("casemanager")) {
            // the pages where codes were once shown are among those read: a case file and its profile form
            assertThat(seen).anyMatch(path -> path.matches("/cases/[0-9a-f-]{36}"));
            assertThat(seen).anyMatch(path -> path.matches("/cases/[0-9a-f-]{36}/profile"));
        }
        assertThat(codes).as("codes shown to " + username).isEmpty();
    }

    /**
     * In German, Italian and Spanish (as the browser asks, Accept-Language) every page shows words of that
     * language: never a message key (Thymeleaf writes a missing one as ??key_de??), never a code, and for an
     * administrator never the marker of a word that fell back to English (TranslatedMessages).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "admin,de",
        "casemanager,de",
        "admin,it",
        "coordinator,it",
        "admin,es",
        "statistician,es"
    })
    void everyPageInTheOtherLanguagesIsTranslated(String username, String language) throws Exception {
        var problems = new ArrayList<String>();
        crawl(username, java.util.Locale.forLanguageTag(language), (path, page) -> {
            if (!page.title().isEmpty()) { // a whole page, not a panel loaded into one
                assertThat(page.select("html").attr("lang")).as(path).isEqualTo(language);
            }
            var text = page.body().text();
            if (text.contains("??")) {
                problems.add(path + ": a message key is shown: " + abbreviated(text.substring(text.indexOf("??"))));
            }
            if (text.contains(UNTRANSLATED)) {
                problems.add(path + ": a word fell back to English: "
                        + abbreviated(text.substring(Math.max(0, text.indexOf(UNTRANSLATED) - 60))));
            }
            for (String found : codesIn(page.body())) {
                problems.add(path + ": " + found);
            }
        });
        assertThat(problems).as("in " + language + " as " + username).isEmpty();
    }

    /**
     * In French, no page shows a sentence of the platform's English: neither an English message of the bundles (a
     * word that fell back) nor an English text written in Java (a refusal's or a status's English, put on a page
     * instead of its words in the reader's language). Entered data is not the platform's English: the demo
     * installation's texts (in English) are left out, and so is text marked {@code lang="en"}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "casemanager", "coordinator", "statistician", "prevention", "planner", "shelter"})
    void everyPageInFrenchIsInFrench(String username) throws Exception {
        var sentences = EnglishSentences.load();
        var english = new ArrayList<String>();
        crawl(username, java.util.Locale.FRENCH, (path, page) -> page.body().traverse((node, depth) -> {
            if (node instanceof TextNode text && !exempt(text.parent()) && !inEnglish(text.parent())) {
                sentences.in(text.text()).ifPresent(found -> english.add(path + ": \"" + found + "\""));
            }
        }));
        assertThat(english).as("English in French pages as " + username).isEmpty();
    }

    /**
     * Every page a person reaches is the same whether its fixed labels were written into its templates for its
     * language ({@link PrefilledLabels}) or looked up by Thymeleaf as it renders: each page is read with them, without
     * them, and with them again; a page that changed between the first and the last reading (the audit trail's
     * newest entries, a time) is left out, and every other must be the same character for character.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "casemanager,fr",
        "coordinator,en",
        "statistician,ru",
        "prevention,de",
        "shelter,es",
        "identification,it"
    })
    void everyPageIsTheSameWithItsLabelsFilledInOrNot(String username, String language) throws Exception {
        var locale = java.util.Locale.forLanguageTag(language);
        var actor = actorOf(username);
        var different = new ArrayList<String>();
        int[] compared = {0};
        crawl(username, locale, (path, page) -> {
            try {
                String filled = withoutTokens(pageText(path, locale, actor));
                String asItWas = withoutTokens(Pages.withoutPrefilledLabels(() -> pageText(path, locale, actor)));
                if (!filled.equals(withoutTokens(pageText(path, locale, actor)))) {
                    return; // the page changes by itself from one reading to the next
                }
                compared[0]++;
                if (!filled.equals(asItWas)) {
                    different.add(path + ": " + firstDifference(filled, asItWas));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(different)
                .as("pages that differ as " + username + " in " + language)
                .isEmpty();
        assertThat(compared[0]).as("pages compared as " + username).isGreaterThan(5);
    }

    private String pageText(String path, java.util.Locale locale, org.opennrm.access.Actor actor) throws Exception {
        return mvc.perform(get(path).locale(locale).with(TestSignIn.as(actor)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "filled \"" + a.substring(from, Math.min(a.length(), i + 80)) + "\" / as it was \""
                + b.substring(from, Math.min(b.length(), i + 80)) + "\"";
    }

    /** Text marked as English (lang="en": a word that has no translation yet, entered data). */
    private static boolean inEnglish(org.jsoup.nodes.Node node) {
        for (var e = node; e != null; e = e.parent()) {
            if (e instanceof Element element && element.hasAttr("lang")) {
                return element.attr("lang").startsWith("en");
            }
        }
        return false;
    }

    private java.util.Set<String> crawl(
            String username,
            java.util.Locale locale,
            java.util.function.BiConsumer<String, org.jsoup.nodes.Document> read)
            throws Exception {
        var actor = actorOf(username);
        var toVisit = new ArrayDeque<String>(List.of("/"));
        var seen = new LinkedHashSet<String>(toVisit);
        int visited = 0;
        while (!toVisit.isEmpty() && visited < MOST_PAGES) {
            var path = toVisit.poll();
            var response = mvc.perform(get(path).locale(locale).with(TestSignIn.as(actor)))
                    .andReturn()
                    .getResponse();
            visited++;
            if (response.getStatus() != 200
                    || !String.valueOf(response.getContentType()).startsWith("text/html")) {
                continue;
            }
            var page = Jsoup.parse(response.getContentAsString(), "http://localhost");
            read.accept(path, page);
            for (Element link : page.select("a[href], [hx-get]")) {
                var href = link.hasAttr("hx-get") ? link.attr("hx-get") : link.attr("href");
                if (followable(href) && seen.add(withoutFragment(href))) {
                    toVisit.add(withoutFragment(href));
                }
            }
        }
        assertThat(visited).as("pages visited as " + username).isGreaterThan(2);
        return seen;
    }

    private org.opennrm.access.Actor actorOf(String username) {
        return jdbc.sql("select id, roles[1] as role, organisation_id from access.account where username = :username")
                .param("username", username)
                .query((rs, n) -> TestSignIn.actorOf(
                        rs.getObject("id", UUID.class),
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("organisation_id", UUID.class)))
                .single();
    }

    private static List<String> codesIn(Element body) {
        var found = new ArrayList<String>();
        body.traverse((node, depth) -> {
            if (!(node instanceof TextNode text) || exempt(text.parent())) {
                return;
            }
            var words = text.text();
            for (var pattern : List.of(ENUM_CODE, UUID_TEXT, CODE_LIST, CAMEL_CODE)) {
                var matcher = pattern.matcher(words);
                while (matcher.find()) {
                    if (pattern == CODE_LIST && !allIsoCodes(matcher.group())) {
                        continue;
                    }
                    if (!NAMES.contains(matcher.group())) {
                        found.add("\"" + matcher.group() + "\" in \"" + abbreviated(words) + "\"");
                    }
                }
            }
        });
        return found;
    }

    /** Entered data and identifiers (translate="no"), code samples, scripts and form values are not labels. */
    private static boolean exempt(org.jsoup.nodes.Node node) {
        for (var e = node; e != null; e = e.parent()) {
            if (e instanceof Element element
                    && ("no".equals(element.attr("translate"))
                            || Set.of("script", "style", "code", "pre", "textarea", "option", "kbd")
                                    .contains(element.tagName()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean followable(String href) {
        return href.startsWith("/")
                && !href.startsWith("//")
                && !href.startsWith("/logout")
                && !href.startsWith("/api")
                && !href.startsWith("/assets")
                && !href.startsWith("/webjars")
                && !href.startsWith("/swagger")
                && !href.startsWith("/v3/")
                && !href.contains("lang=")
                && !href.contains("download")
                && !href.contains("format=")
                && !href.startsWith("/notifications/") // opening one marks it read and redirects
                && !href.matches(".*\\.(csv|json|xlsx|zip|pdf|png)(\\?.*)?$");
    }

    private static boolean allIsoCodes(String list) {
        return java.util.Arrays.stream(list.split(", ?"))
                .allMatch(code -> ISO_CODES.contains(code.toLowerCase(java.util.Locale.ROOT)));
    }

    private static Set<String> isoCodes() {
        var codes = new java.util.HashSet<String>();
        for (var language : java.util.Locale.getISOLanguages()) {
            try {
                codes.add(java.util.Locale.of(language).getISO3Language());
            } catch (java.util.MissingResourceException none) {
                // a language without a three-letter code
            }
        }
        for (var country : java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA3)) {
            codes.add(country.toLowerCase(java.util.Locale.ROOT));
        }
        return Set.copyOf(codes);
    }

    private static String withoutFragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }

    private static String abbreviated(String text) {
        var oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
