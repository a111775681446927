package org.opennrm.prevention.inspection;

/**
 * A workplace of the inspectorate's register: its reference (the inspectorate's own, never a person's name), its
 * economic activity as a NACE Rev. 2 section letter (A to U), its region and its number of employees.
 */
public record Workplace(String reference, String sector, String region, int employees) {}
