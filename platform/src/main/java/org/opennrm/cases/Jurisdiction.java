package org.opennrm.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The calendar of the jurisdiction whose NRM this installation runs: its weekly days off and public holidays,
 * read from {@code cases/holidays/<name>.txt}. The demo jurisdiction's file documents the format.
 */
record Jurisdiction(String name, DeadlineClock clock, Map<LocalDate, String> holidayNames) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    static Jurisdiction load(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalStateException("opennrm.jurisdiction must be a lower-case file name, not: " + name);
        }
        var resource = new ClassPathResource("cases/holidays/" + name + ".txt");
        if (!resource.exists()) {
            throw new IllegalStateException(
                    "No holiday list for the jurisdiction " + name + " (cases/holidays/" + name + ".txt)");
        }
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return parse(name, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Jurisdiction parse(String name, BufferedReader reader) throws IOException {
        var weekend = EnumSet.noneOf(DayOfWeek.class);
        var holidays = new LinkedHashMap<LocalDate, String>();
        boolean weekendGiven = false;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("weekend:")) {
                weekendGiven = true;
                for (String day : line.substring("weekend:".length()).strip().split("\\s+")) {
                    if (!day.isEmpty()) {
                        weekend.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                    }
                }
                continue;
            }
            try {
                var date = LocalDate.parse(line.substring(0, Math.min(10, line.length())));
                holidays.put(date, line.length() > 10 ? line.substring(10).strip() : "");
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("Line " + number + " of the holidays of " + name + " is not a date");
            }
        }
        if (!weekendGiven) {
            weekend.add(DayOfWeek.SATURDAY);
            weekend.add(DayOfWeek.SUNDAY);
        }
        return new Jurisdiction(name, new DeadlineClock(weekend, holidays.keySet()), Map.copyOf(holidays));
    }
}
