/**
 * What the assistance module announces: services delivered (with the result of permits, compensation claims and
 * returns), decisions on permits and claims, the non-punishment principle applied, and durable solutions reached,
 * with codes, months and opaque ids only. Statistics listens to these events and to nothing else of
 * {@code assistance}.
 */
@org.springframework.modulith.NamedInterface("events")
package org.opennrm.assistance.events;
