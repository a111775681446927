/**
 * What the national response tells other modules: codes, years and dates only (an agency, the year its figures are
 * for, when they are due), never a count, a person or free text.
 */
@org.springframework.modulith.NamedInterface("events")
package org.opennrm.monitoring.events;
