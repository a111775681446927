/**
 * What the statistics module offers the modules that publish from its facts ({@code monitoring} for official
 * returns and the national report, {@code prevention} for trends and analytics): counts of coded facts by rule
 * and period, approved releases, and the joint disclosure check of a table against everything already
 * published. Only codes and counts cross this interface, never a person.
 */
@org.springframework.modulith.NamedInterface("publishing")
package org.opennrm.statistics.publishing;
