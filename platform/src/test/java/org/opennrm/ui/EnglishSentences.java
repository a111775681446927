package org.opennrm.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The platform's own English sentences, to find them on pages of another language: the English bundles' messages
 * that their French translation words differently, and the English texts written in the Java sources (refusals,
 * statuses), except the demo installation's, which stand for entered data. A sentence is looked up by its first
 * three words, so that a page is searched in one pass.
 */
final class EnglishSentences {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path SOURCES = Path.of("src/main/java");
    static final Path DEMO = SOURCES.resolve("org/opennrm/demo");

    /** A Java string literal (no escaped quotes inside, which English sentences here do not need). */
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    static final Pattern WORD = Pattern.compile("[\\p{L}'’]+");

    /** Sentences by their first three words, lower case. */
    private final Map<String, List<List<String>>> byStart = new HashMap<>();

    private EnglishSentences() {}

    static EnglishSentences load() throws IOException {
        var sentences = new EnglishSentences();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path english : files.filter(p -> p.getFileName().toString().matches("[a-z]+\\.properties"))
                    .toList()) {
                Properties base = load(english);
                Path frenchFile = english.resolveSibling(
                        english.getFileName().toString().replace(".properties", "_fr.properties"));
                Properties french = Files.exists(frenchFile) ? load(frenchFile) : new Properties();
                for (String key : base.stringPropertyNames()) {
                    String value = base.getProperty(key);
                    if (!value.equals(french.getProperty(key))) {
                        // a message's arguments ({0}) split it into sentences of their own
                        for (String part : value.split("\\{[^}]*}")) {
                            sentences.add(part);
                        }
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(DEMO))
                    .toList()) {
                var matcher = LITERAL.matcher(Files.readString(source));
                while (matcher.find()) {
                    sentences.add(matcher.group(1));
                }
            }
        }
        return sentences;
    }

    /** Keeps a text of four words or more that starts with a capital or lower-case letter (not code, not SQL). */
    private void add(String text) {
        List<String> words = words(text);
        if (words.size() < 4 || text.contains("_") || text.contains("${") || text.contains("::")) {
            return;
        }
        byStart.computeIfAbsent(String.join(" ", words.subList(0, 3)), k -> new ArrayList<>())
                .add(words);
    }

    /**
     * The first of the sentences that the text contains, word for word: the whole text, or a sentence of six words or
     * more within it (entered data may quote a short term of the platform, "recovery and reflection period").
     */
    Optional<String> in(String text) {
        List<String> words = words(text);
        for (int i = 0; i + 3 <= words.size(); i++) {
            var candidates = byStart.get(String.join(" ", words.subList(i, i + 3)));
            if (candidates == null) {
                continue;
            }
            for (List<String> sentence : candidates) {
                boolean whole = i == 0 && sentence.size() == words.size();
                if ((whole || sentence.size() >= 6)
                        && i + sentence.size() <= words.size()
                        && words.subList(i, i + sentence.size()).equals(sentence)) {
                    return Optional.of(String.join(" ", sentence));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        return words;
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
                var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
