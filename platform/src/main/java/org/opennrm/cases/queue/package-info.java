/**
 * The NRM queue: cases ordered by what is due next (decisions in working days, the end of the recovery period),
 * read in pages straight from the case file table, and the queue page kept rendered until a case changes.
 */
package org.opennrm.cases.queue;
