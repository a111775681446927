package org.opennrm.access;

import org.opennrm.organisations.AgreementChanged;
import org.opennrm.organisations.AgreementRegistered;
import org.opennrm.organisations.OrganisationChanged;
import org.opennrm.organisations.OrganisationReactivated;
import org.opennrm.organisations.OrganisationRegistered;
import org.opennrm.organisations.OrganisationSuspended;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes changes of the partner registry into the audit trail. Contact points are professionals'
 * personal data, and who changed an organisation's roles matters for accountability. The organisations
 * module may not depend on access, so it announces its changes and this listener records them, in the
 * same transaction and on behalf of the same actor.
 */
@Component
class OrganisationAuditing {

    private final AuditTrail audit;

    OrganisationAuditing(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(OrganisationRegistered event) {
        audit.record(AuditAction.CREATE, "organisation", event.organisationId(), "sector " + event.sector());
    }

    @EventListener
    void on(OrganisationChanged event) {
        audit.record(AuditAction.UPDATE, "organisation", event.organisationId(), "roles " + event.nrmRoles());
    }

    @EventListener
    void on(OrganisationSuspended event) {
        audit.record(AuditAction.UPDATE, "organisation", event.organisationId(), "suspended");
    }

    @EventListener
    void on(OrganisationReactivated event) {
        audit.record(AuditAction.UPDATE, "organisation", event.organisationId(), "reactivated");
    }

    @EventListener
    void on(AgreementRegistered event) {
        audit.record(AuditAction.CREATE, "agreement", event.agreementId());
    }

    @EventListener
    void on(AgreementChanged event) {
        audit.record(AuditAction.UPDATE, "agreement", event.agreementId());
    }
}
