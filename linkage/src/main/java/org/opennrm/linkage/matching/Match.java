package org.opennrm.linkage.matching;

/** A linked pair: record indices in file order of A and of B, and their Dice similarity. */
public record Match(int a, int b, double similarity) {}
