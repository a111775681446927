/**
 * The linkage library as an Apache Spark job: two sides of partitioned encodings (anonlink {@code .clk}/{@code
 * .ids}, several files per side or one file cut into chunks) joined per partition with the library's own exact or
 * blocked kernel, the pairs gathered and matched with the library's greedy matching, so that exact mode gives the
 * same matches as {@code opennrm-linkage.jar link}. Sees only encodings and opaque record ids; record ids stay on
 * the driver. Must never read identifiers or the deployment secret.
 */
package org.opennrm.linkage.spark;
