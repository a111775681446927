package org.opennrm.prevention.ads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The versioned, multilingual lexicon of ad indicators ({@code prevention/ads/lexicon.tsv}): phrases per
 * {@link Indicator} category and language, each with the published source that names its category. A screening
 * records the version that matched, so that a screening can be read later against the lexicon that made it.
 */
public final class Lexicon {

    /** Where in an ad a phrase was found. */
    public enum Field {
        TITLE,
        TEXT
    }

    /** One phrase: its category, language, the phrase as written, its folded form and its source's key. */
    public record Phrase(Indicator category, String language, String phrase, String folded, String source) {}

    /** A phrase found in an ad, and where. */
    public record Match(Indicator category, String language, String phrase, Field field) {

        /** As stored with the ad: category, language, field and phrase, separated by {@code |}. */
        String stored() {
            return category + "|" + language + "|" + field + "|" + phrase;
        }

        static Match parse(String stored) {
            String[] parts = stored.split("\\|", 4);
            return new Match(Indicator.valueOf(parts[0]), parts[1], parts[3], Field.valueOf(parts[2]));
        }
    }

    static final String RESOURCE = "/prevention/ads/lexicon.tsv";

    private static volatile Lexicon standard;

    private final String version;
    private final Map<String, String> sources;
    private final List<Phrase> phrases;

    Lexicon(String version, Map<String, String> sources, List<Phrase> phrases) {
        this.version = Objects.requireNonNull(version);
        this.sources = Map.copyOf(sources);
        this.phrases = List.copyOf(phrases);
    }

    /** The lexicon shipped with the platform. */
    public static Lexicon standard() {
        var lexicon = standard;
        if (lexicon == null) {
            lexicon = read(Lexicon.class.getResourceAsStream(RESOURCE));
            standard = lexicon;
        }
        return lexicon;
    }

    static Lexicon read(java.io.InputStream in) {
        if (in == null) {
            throw new IllegalStateException("The ad lexicon " + RESOURCE + " is missing");
        }
        String version = null;
        Map<String, String> sources = new LinkedHashMap<>();
        List<Phrase> phrases = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                switch (parts[0]) {
                    case "version" -> version = parts[1].strip();
                    case "source" -> sources.put(parts[1].strip(), parts[2].strip());
                    case "phrase" -> {
                        if (parts.length != 5 || !sources.containsKey(parts[4].strip())) {
                            throw new IllegalStateException("Lexicon line " + number + ": a phrase needs a category,"
                                    + " a language, the phrase and a source named above it");
                        }
                        String phrase = parts[3].strip();
                        phrases.add(new Phrase(
                                Indicator.valueOf(parts[1].strip()),
                                parts[2].strip(),
                                phrase,
                                TextFolding.fold(phrase),
                                parts[4].strip()));
                    }
                    default -> throw new IllegalStateException("Lexicon line " + number + " is not understood");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (version == null) {
            throw new IllegalStateException("The ad lexicon has no version");
        }
        return new Lexicon(version, sources, phrases);
    }

    public String version() {
        return version;
    }

    /** Source key to its full citation. */
    public Map<String, String> sources() {
        return sources;
    }

    public List<Phrase> phrases() {
        return phrases;
    }

    /** Every phrase found in the title or the text (each phrase once per field). */
    public List<Match> match(String title, String text) {
        String foldedTitle = TextFolding.fold(title);
        String foldedText = TextFolding.fold(text);
        List<Match> found = new ArrayList<>();
        for (Phrase phrase : phrases) {
            if (foldedTitle.contains(phrase.folded())) {
                found.add(new Match(phrase.category(), phrase.language(), phrase.phrase(), Field.TITLE));
            }
            if (foldedText.contains(phrase.folded())) {
                found.add(new Match(phrase.category(), phrase.language(), phrase.phrase(), Field.TEXT));
            }
        }
        return found;
    }
}
