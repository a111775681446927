package org.opennrm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token's audit entry holds its grants in at most 500 characters, however many roles its account has. */
class TokenAuditDetailTests {

    @Test
    void everyGrantOfEveryRoleFitsTheAuditDetail() {
        List<String> all = Arrays.stream(Role.values())
                .flatMap(role -> role.grants().stream())
                .map(Grant::authority)
                .distinct()
                .sorted()
                .toList();
        String detail = AccessTokens.grantsDetail(all);
        assertThat(detail.length()).isLessThanOrEqualTo(500);
        if (String.join(" ", all).length() > 500) {
            assertThat(detail).endsWith(" ... (" + all.size() + " grants)");
        }
        assertThat(detail).startsWith(all.getFirst());
        assertThat(AccessTokens.grantsDetail(List.of("plan:read:all", "tokens:manage:own")))
                .isEqualTo("plan:read:all tokens:manage:own");
    }
}
