/**
 * National statistics on trafficking without exposing anyone: coded facts, standard national tables passed
 * through disclosure control (minimum cell size with secondary suppression proven by linear programming),
 * downloads as CSV and XLSX, and multiple systems estimation of the hidden number from list overlaps.
 *
 * <p>It keeps its own coded facts without identity (codes, month and year, age bands; never a name, a date
 * of birth or free text), learnt from the events that {@code cases}, {@code screening}, {@code referrals} and
 * {@code assistance} announce through their {@code events} named interfaces, and it never calls their facades
 * or reads their tables: {@code ModularityTests} fails the build if it does. From {@code organisations} it uses
 * the public registry (the sector and region of an organisation); from {@code linkage} the overlap table of a
 * completed run (counts per combination of lists, never a person); from {@code access} only who is acting and
 * the audit trail. The persons met by each kind of organisation (the platform's lists for the hidden number) are
 * kept here as opaque ids learnt from events, and only counts per combination of sectors leave.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "cases :: events",
            "screening :: events",
            "referrals :: events",
            "assistance :: events",
            "linkage :: runs",
            "organisations",
            "access :: actor",
            "access :: audit"
        })
package org.opennrm.statistics;
