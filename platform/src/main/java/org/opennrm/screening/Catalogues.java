package org.opennrm.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator catalogues shipped in the jar ({@code screening/catalogues.json} and the CSV files it
 * names), read once at start-up. A file that does not parse, a duplicate id or an unknown element or
 * strength stops the start: a screening must never run against half a catalogue.
 */
@Component
class Catalogues {

    static final String OPERATIONAL = "ilo-ec-2009";
    static final String ADULT_LABOUR = "adult-labour";
    static final String CHILD_LABOUR = "child-labour";

    private static final String FOLDER = "screening/";

    private final List<Catalogue> catalogues;
    private final Map<String, Indicator> indicators = new HashMap<>();

    Catalogues() {
        this.catalogues = load();
        for (var catalogue : catalogues) {
            for (var indicator : catalogue.items()) {
                if (indicators.putIfAbsent(indicator.id(), indicator) != null) {
                    throw new IllegalStateException("Indicator id " + indicator.id() + " appears twice");
                }
            }
        }
    }

    List<Catalogue> all() {
        return catalogues;
    }

    Optional<Catalogue> find(String id) {
        return catalogues.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(indicators.get(id));
    }

    /** The ILO/EC operational indicators, the catalogue the combination rule applies to. */
    Catalogue operational() {
        return find(OPERATIONAL).orElseThrow();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Manifest(List<Entry> catalogues) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(
            String id,
            String version,
            String title,
            String file,
            Map<String, String> columns,
            String source,
            Verification verification,
            List<String> missing,
            String notes) {}

    private static List<Catalogue> load() {
        var manifest = JsonMapper.builder().build().readValue(text("catalogues.json"), Manifest.class);
        List<Catalogue> loaded = new ArrayList<>();
        for (var entry : manifest.catalogues()) {
            List<Indicator> items = new ArrayList<>();
            for (var row : CsvReader.rows(text("catalogues/" + entry.file()))) {
                items.add(indicator(entry, row));
            }
            loaded.add(new Catalogue(
                    entry.id(),
                    entry.version(),
                    entry.title(),
                    entry.source(),
                    entry.verification(),
                    entry.missing() == null ? List.of() : entry.missing(),
                    entry.notes(),
                    items));
        }
        return List.copyOf(loaded);
    }

    private static Indicator indicator(Entry entry, Map<String, String> row) {
        var columns = entry.columns();
        String element = column(row, columns, "element");
        String strength = column(row, columns, "strength");
        String verificationNote = row.get("verification");
        return new Indicator(
                entry.id(),
                required(row, columns.get("id")),
                column(row, columns, "group"),
                element == null ? null : Element.ofLabel(element),
                strength == null ? null : Strength.valueOf(strength.strip().toUpperCase(java.util.Locale.ROOT)),
                required(row, columns.get("text")),
                column(row, columns, "description"),
                required(row, "source"),
                Verification.ofNote(verificationNote == null ? "" : verificationNote),
                verificationNote,
                column(row, columns, "note"));
    }

    private static String column(Map<String, String> row, Map<String, String> columns, String role) {
        String name = columns.get(role);
        if (name == null) {
            return null;
        }
        String value = row.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(Map<String, String> row, String name) {
        String value = row.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Catalogue row without " + name + ": " + row.get("id"));
        }
        return value.strip();
    }

    static String text(String path) {
        try (InputStream in = new ClassPathResource(FOLDER + path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FOLDER + path, e);
        }
    }
}
