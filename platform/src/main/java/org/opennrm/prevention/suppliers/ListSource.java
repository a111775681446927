package org.opennrm.prevention.suppliers;

import java.time.LocalDate;

/** Where a list of employers found using forced labour comes from: its name, publisher, date and address. */
public record ListSource(String name, String publisher, LocalDate publishedOn, String url) {}
