/**
 * Case notes and the contact log: what NRM staff write down about a case and each contact with the person. Texts are
 * encrypted at rest; every list shown is logged as a read of the case before it is shown; only staff who may change
 * cases write. Part of the case file: never shared with service providers or outside {@code cases}.
 */
package org.opennrm.cases.notes;
