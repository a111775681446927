package org.opennrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every page speaks every language we offer: templates hold no literal text, every message key they use
 * exists, and each bundle has the same keys, none empty and none left in English, in the six interface languages
 * (English, French, German, Italian, Russian and Spanish).
 */
class MessagesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final List<String> LANGUAGES = List.of("fr", "de", "it", "ru", "es");

    /**
     * Words that are the same in English and in a translation: names of products and formats, and the names of
     * languages, which each language writes in its own way ("Français" on every page). Any other value that is
     * the same as the English one and has two words or more was left untranslated.
     */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Facebook Messenger", "Excel (XLSX)", "SDMX-CSV");

    static final List<String> SAME_IN_EVERY_LANGUAGE_KEYS =
            List.of("assist.feedback.languageName.", "code.recruitmentPlatform.");

    /** A term the profession uses untranslated in one language: Italian social work says "case manager". */
    static final Set<String> SAME_IN_ONE_LANGUAGE = Set.of("it:Case manager");

    static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    // attributes whose presence means the element's content is replaced or removed at render time
    static final Set<String> REPLACING =
            Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:errors", "sec:authentication");
    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)(\\(.*?\\))?}");

    @Test
    void everyBundleHasTheSameKeysInEveryLanguageAndNoneIsEmpty() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties english = load(BUNDLES.resolve(bundle + ".properties"));
            for (String language : LANGUAGES) {
                Path file = BUNDLES.resolve(bundle + "_" + language + ".properties");
                if (!Files.exists(file)) {
                    problems.add(file + " is missing");
                    continue;
                }
                Properties translated = load(file);
                for (String key : english.stringPropertyNames()) {
                    String value = translated.getProperty(key);
                    if (value == null || value.isBlank()) {
                        problems.add(bundle + "_" + language + ": no translation of " + key);
                    }
                }
                for (String key : translated.stringPropertyNames()) {
                    if (!english.containsKey(key)) {
                        problems.add(bundle + "_" + language + ": " + key + " is not in English");
                    }
                }
            }
            english.forEach((key, value) -> {
                if (value.toString().isBlank()) {
                    problems.add(bundle + ": " + key + " is empty");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    /** A key written twice in one file keeps only its last words, silently: the first message is lost. */
    @Test
    void noBundleHasAKeyTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Set<String> keys = new TreeSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String stripped = line.strip();
                    int equals = stripped.indexOf('=');
                    if (stripped.startsWith("#") || equals < 0 || line.startsWith(" ") || line.startsWith("\t")) {
                        continue; // a comment, or a continued line
                    }
                    if (!keys.add(stripped.substring(0, equals).strip())) {
                        twice.add(file.getFileName() + ": "
                                + stripped.substring(0, equals).strip());
                    }
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noTranslationIsLeftInEnglish() throws IOException {
        List<String> english = new ArrayList<>();
        for (String bundle : bundles()) {
            Properties base = load(BUNDLES.resolve(bundle + ".properties"));
            for (String language : LANGUAGES) {
                Properties translated = load(BUNDLES.resolve(bundle + "_" + language + ".properties"));
                translated.forEach((key, value) -> {
                    String text = value.toString().strip();
                    if (text.equals(String.valueOf(base.get(key)).strip())
                            && WORD.matcher(text).results().count() >= 2
                            && !SAME_IN_EVERY_LANGUAGE.contains(text)
                            && SAME_IN_EVERY_LANGUAGE_KEYS.stream().noneMatch(key.toString()::startsWith)
                            && !SAME_IN_ONE_LANGUAGE.contains(language + ":" + text)) {
                        english.add(bundle + "_" + language + ": " + key + " = " + text);
                    }
                });
            }
        }
        assertThat(english).isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        // MessageFormat reads a single ' as the start of quoted text: "the case's {0}" would print "{0}"
        Pattern argument = Pattern.compile("\\{\\d");
        Pattern single = Pattern.compile("(?<!')'(?!')");
        List<String> broken = new ArrayList<>();
        for (String bundle : bundles()) {
            for (String language : List.of("", "_fr", "_de", "_it", "_ru", "_es")) {
                Properties messages = load(BUNDLES.resolve(bundle + language + ".properties"));
                messages.forEach((key, value) -> {
                    String text = value.toString();
                    if (argument.matcher(text).find() && single.matcher(text).find()) {
                        broken.add(bundle + language + ": " + key);
                    }
                });
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void templatesUseOnlyKeysThatExist() throws IOException {
        Properties all = new Properties();
        for (String bundle : bundles()) {
            all.putAll(load(BUNDLES.resolve(bundle + ".properties")));
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                if (!all.containsKey(matcher.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Java code names message keys too: refusals ({@code new RuleViolation("plan.objective.titleMissing", ...)}), field
     * errors ({@code errors.rejectValue("dueOn", "plan.measure.dueOn.beforeStart")}), flash messages. A key that exists in
     * no bundle is shown as English (a refusal) or as the key itself: every quoted word in the Java sources that has the
     * form of a key of our bundles (its first part is one of theirs, camel case, no spaces) must exist. Left out: the
     * tables that the migrations create ({@code cases.person}), and prefixes that code completes ({@code "finance.import.problem"
     * + ".empty"}, followed or preceded by {@code +}, or the start of existing keys).
     */
    @Test
    void javaUsesOnlyKeysThatExist() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(BUNDLES.resolve(bundle + ".properties")).stringPropertyNames());
        }
        keys.addAll(
                load(Path.of("src/main/resources/survivor-texts/en.properties")).stringPropertyNames());
        // qualified table names (cases.person) look like keys: the migrations name them all
        Set<String> tables = new TreeSet<>();
        Pattern table = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+\\.[a-z_]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            for (Path migration :
                    files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                table.matcher(Files.readString(migration)).results().forEach(m -> tables.add(m.group(1)));
            }
        }
        Set<String> namespaces = new TreeSet<>();
        keys.forEach(key -> namespaces.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))));
        Pattern quoted = Pattern.compile("(\\+\\s*)?\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+)\"(?!\\s*\\+)");
        Set<String> missing = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path source : sources) {
            Matcher matcher = quoted.matcher(Files.readString(source));
            while (matcher.find()) {
                String key = matcher.group(2);
                if (matcher.group(1) != null
                        || !namespaces.contains(key.substring(0, key.indexOf('.')))
                        || keys.contains(key)
                        || tables.contains(key)
                        || keys.stream().anyMatch(existing -> existing.startsWith(key + "."))) {
                    continue;
                }
                missing.add(source.getFileName() + ": " + key);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoUntranslatedText() throws IOException {
        List<String> untranslated = new ArrayList<>();
        for (Path template : templates()) {
            var document = Jsoup.parse(Files.readString(template));
            for (Element element : document.getAllElements()) {
                String own = element.ownText().strip();
                if (own.chars().noneMatch(Character::isLetter) || isExempt(element)) {
                    continue;
                }
                untranslated.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> \"" + own + "\"");
            }
            for (Element element : document.select("[placeholder], [title], [aria-label], [alt]")) {
                for (String attribute : List.of("placeholder", "title", "aria-label", "alt")) {
                    String value = element.attr(attribute);
                    if (!value.isBlank() && value.chars().anyMatch(Character::isLetter) && !isExempt(element)) {
                        untranslated.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + value + "\"");
                    }
                }
            }
        }
        assertThat(untranslated).isEmpty();
    }

    /** Text that is replaced at render time, is code, or is deliberately not translated (translate="no"). */
    private static boolean isExempt(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (REPLACING.stream().anyMatch(e::hasAttr)
                    || "no".equals(e.attr("translate"))
                    || Set.of("script", "style", "code", "title").contains(e.tagName())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
                var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
