/**
 * What the cases module announces to the rest of the platform: past-tense facts about cases with codes, counts,
 * months and opaque ids only. Never a name, a date of birth, an exact date or free text: statistics, the
 * national returns and prevention analytics listen to these events and to nothing else of {@code cases}, and
 * the event publication log that carries them is emptied once they are delivered.
 *
 * <p>The code types these events carry ({@code CaseId}, {@code AgeGroup}, {@code DecisionOutcome}, ...) stay
 * with the aggregate in {@code org.opennrm.cases} and join this named interface by their own annotation.
 */
@org.springframework.modulith.NamedInterface("events")
package org.opennrm.cases.events;
