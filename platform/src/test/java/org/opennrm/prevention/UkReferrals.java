package org.opennrm.prevention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The UK's published NRM series by quarter (test resources {@code prevention/uk-nrm}, copied from
 * shared/data/returns/uk-nrm): referrals in total and by age at exploitation, and Duty to Notify reports. The yearly
 * rows (Quarter "Total") and the location rows "Total" are dropped before summing, as the source's notes ask.
 */
final class UkReferrals {

    private UkReferrals() {}

    /** Series name to series, in a fixed order: total first. */
    static Map<String, Series> all() {
        var sums = new LinkedHashMap<String, TreeMap<Period, Double>>();
        sums.put("referrals, total", new TreeMap<>());
        for (String line : lines("nrm_referrals_longitudinal.csv")) {
            String[] cells = line.split(",");
            if (cells[1].equals("Total") || cells[3].equals("Total")) {
                continue;
            }
            Period period = quarter(cells[0], cells[1]);
            double count = Double.parseDouble(cells[4]);
            sums.get("referrals, total").merge(period, count, Double::sum);
            sums.computeIfAbsent("referrals, " + cells[2], name -> new TreeMap<>())
                    .merge(period, count, Double::sum);
        }
        var duty = new TreeMap<Period, Double>();
        for (String line : lines("nrm_duty_to_notify_longitudinal.csv")) {
            String[] cells = line.split(",");
            if (!cells[1].equals("Total")) {
                duty.put(quarter(cells[0], cells[1]), Double.parseDouble(cells[2]));
            }
        }
        sums.put("Duty to Notify reports", duty);
        var series = new LinkedHashMap<String, Series>();
        sums.forEach((name, values) -> series.put(
                name,
                new Series(
                        values.firstKey(),
                        values.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray())));
        return series;
    }

    static Series total() {
        return all().get("referrals, total");
    }

    /** The series as the CSV that the page and the API take. */
    static String csv(Series series) {
        var csv = new StringBuilder("period,value\n");
        for (int i = 0; i < series.length(); i++) {
            csv.append(series.period(i))
                    .append(',')
                    .append((long) series.value(i))
                    .append('\n');
        }
        return csv.toString();
    }

    private static Period quarter(String year, String quarter) {
        return Period.of(Period.Frequency.QUARTER, Integer.parseInt(year), quarter.charAt(1) - '0');
    }

    private static java.util.List<String> lines(String file) {
        try (InputStream in = UkReferrals.class.getResourceAsStream("/prevention/uk-nrm/" + file)) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
