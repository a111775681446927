package org.opennrm.organisations;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** An organisation that signed an agreement, and the NRM role it plays under that agreement. */
@Table(schema = "organisations", name = "agreement_party")
public record AgreementParty(@Column("organisation") UUID organisationId, NrmRole nrmRole) {}
