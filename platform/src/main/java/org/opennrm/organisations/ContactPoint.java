package org.opennrm.organisations;

import org.springframework.data.relational.core.mapping.Table;

/** A professional contact at a partner organisation (a desk, a duty phone, a named officer). */
@Table(schema = "organisations", name = "contact_point")
public record ContactPoint(String name, String function, String phone, String email) {}
