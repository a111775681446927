/**
 * What the screening module announces: a screening was completed, with codes, the month and opaque ids only.
 * Statistics and prevention analytics listen to these events and to nothing else of {@code screening}.
 */
@org.springframework.modulith.NamedInterface("events")
package org.opennrm.screening.events;
