package org.opennrm.access;

import org.opennrm.ChangeCount;
import org.springframework.stereotype.Component;

/** Counts ended changes to accounts ({@link Accounts} reports each), so that {@link AccountSessionCheck} knows
 * when what it checked is out of date. */
@Component
class AccountChanges extends ChangeCount {}
