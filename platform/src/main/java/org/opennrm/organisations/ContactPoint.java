package org.opennrm.organisations;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A professional contact at a partner organisation (a desk, a duty phone, a named officer). Never a
 * victim or any other person the NRM helps.
 */
@Table(schema = "organisations", name = "contact_point")
public record ContactPoint(String name, String function, String phone, String email) {

    public ContactPoint {
        name = blankToNull(name);
        function = blankToNull(function);
        phone = blankToNull(phone);
        email = blankToNull(email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
