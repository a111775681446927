/**
 * The criminal-justice track of a case: the person's co-operation and the proceedings' status, restricted to those
 * who may read it. Assistance never depends on it: no rule of the assistance module reads this package.
 */
package org.opennrm.cases.justice;
