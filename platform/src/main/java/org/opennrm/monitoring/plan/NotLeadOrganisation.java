package org.opennrm.monitoring.plan;

import org.springframework.security.access.AccessDeniedException;

/** Someone outside a measure's lead organisation (and not the co-ordinator) tried to update it. */
public class NotLeadOrganisation extends AccessDeniedException {

    NotLeadOrganisation() {
        super("Only the lead organisation of a measure and the co-ordinator update it.");
    }
}
