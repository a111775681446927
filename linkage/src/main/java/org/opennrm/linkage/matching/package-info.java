/**
 * Links and de-duplicates encodings: all pairs above a Dice threshold (exactly, or through privacy-preserving
 * blocking for large lists), a greedy one-to-one matching, and clusters within one list. Sees only encodings and
 * opaque record ids, never identifiers or the deployment secret, so it may run on a machine of a party that is
 * not allowed to see names.
 */
package org.opennrm.linkage.matching;
