package org.opennrm.access;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is told about new work: the enabled accounts with a role, across the NRM or in one organisation, with their
 * professional e-mail address (null when none is recorded). Nothing else of an account leaves {@code access}.
 */
@Service
public class Recipients {

    /** One person to tell: the account and its work e-mail address, or null when it has none. */
    public record Recipient(UUID accountId, String email) {}

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Recipient> withRole(Role role) {
        return jdbc.sql("select id, email from access.account where enabled and :role = any(roles) order by id")
                .param("role", role.name())
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), blankToNull(rs.getString("email"))))
                .list();
    }

    public List<Recipient> withRole(Role role, UUID organisationId) {
        return jdbc.sql("""
                        select id, email from access.account
                        where enabled and :role = any(roles) and organisation_id = :organisation order by id""")
                .param("role", role.name())
                .param("organisation", organisationId)
                .query((rs, n) -> new Recipient(rs.getObject("id", UUID.class), blankToNull(rs.getString("email"))))
                .list();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
