/**
 * National statistics on trafficking without exposing anyone: coded facts, standard national tables passed
 * through disclosure control (minimum cell size with secondary suppression proven by linear programming),
 * downloads as CSV and XLSX, and multiple systems estimation of the hidden number from list overlaps.
 *
 * <p>It keeps its own coded facts without identity (codes, month and year, age bands; never a name, a date
 * of birth or free text) recorded through its facade or from other modules' events, and it never reads
 * other modules' tables. From {@code cases}, {@code screening} and {@code assistance} it uses only the events it
 * listens to (codes and ids; the ids are not kept); from {@code organisations} the sector and region of the
 * organisation that referred or screened; from {@code linkage} the overlap table of a completed run (counts per
 * combination of lists, never a person); from {@code cases} through {@code referrals} the persons referred in a
 * period counted per combination of the sectors that met them (counts only).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"access", "cases", "organisations", "screening", "assistance", "linkage", "referrals"})
package org.opennrm.statistics;
