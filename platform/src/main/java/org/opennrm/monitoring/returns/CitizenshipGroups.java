package org.opennrm.monitoring.returns;

import java.util.Map;

/**
 * Eurostat's citizenship groups of a registered person: of the reporting country, of another EU country, of a country
 * outside the EU, or unknown. EU membership is that of the year counted (Eurostat's composition for the reference
 * year): Croatia from 2013, the United Kingdom until 2019 (it left on 31 January 2020).
 */
final class CitizenshipGroups {

    static final String REPORTING_COUNTRY = "REPORTING_COUNTRY";
    static final String OTHER_EU = "OTHER_EU";
    static final String NON_EU = "NON_EU";

    /* year of accession, and the last year of membership where it ended */
    private static final Map<String, int[]> EU = Map.ofEntries(
            Map.entry("BEL", new int[] {1958, 9999}),
            Map.entry("DEU", new int[] {1958, 9999}),
            Map.entry("FRA", new int[] {1958, 9999}),
            Map.entry("ITA", new int[] {1958, 9999}),
            Map.entry("LUX", new int[] {1958, 9999}),
            Map.entry("NLD", new int[] {1958, 9999}),
            Map.entry("DNK", new int[] {1973, 9999}),
            Map.entry("IRL", new int[] {1973, 9999}),
            Map.entry("GBR", new int[] {1973, 2019}),
            Map.entry("GRC", new int[] {1981, 9999}),
            Map.entry("ESP", new int[] {1986, 9999}),
            Map.entry("PRT", new int[] {1986, 9999}),
            Map.entry("AUT", new int[] {1995, 9999}),
            Map.entry("FIN", new int[] {1995, 9999}),
            Map.entry("SWE", new int[] {1995, 9999}),
            Map.entry("CYP", new int[] {2004, 9999}),
            Map.entry("CZE", new int[] {2004, 9999}),
            Map.entry("EST", new int[] {2004, 9999}),
            Map.entry("HUN", new int[] {2004, 9999}),
            Map.entry("LVA", new int[] {2004, 9999}),
            Map.entry("LTU", new int[] {2004, 9999}),
            Map.entry("MLT", new int[] {2004, 9999}),
            Map.entry("POL", new int[] {2004, 9999}),
            Map.entry("SVK", new int[] {2004, 9999}),
            Map.entry("SVN", new int[] {2004, 9999}),
            Map.entry("BGR", new int[] {2007, 9999}),
            Map.entry("ROU", new int[] {2007, 9999}),
            Map.entry("HRV", new int[] {2013, 9999}));

    private CitizenshipGroups() {}

    static boolean euMember(String country, int year) {
        int[] membership = EU.get(country);
        return membership != null && year >= membership[0] && year <= membership[1];
    }

    /** The group of a citizenship in a year; null when the citizenship is not known. */
    static String of(String citizenship, int year, String reportingCountry) {
        if (citizenship == null) {
            return null;
        }
        if (citizenship.equals(reportingCountry)) {
            return REPORTING_COUNTRY;
        }
        return euMember(citizenship, year) ? OTHER_EU : NON_EU;
    }
}
