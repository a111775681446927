package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.KeyRotation;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Uploaded encodings wait for their run encrypted with the identity key, bound to their row, and survive a
 * rotation of that key (the column is registered for re-encryption).
 */
@PlatformTest
class LinkageUploadEncryptionTests {

    @Autowired
    LinkageRuns runs;

    @Autowired
    KeyRotation rotation;

    @Autowired
    JdbcClient jdbc;

    String sealed(UUID listId) {
        return jdbc.sql("select encodings from linkage.run_list where id = :id")
                .param("id", listId)
                .query(String.class)
                .single();
    }

    @Test
    void draftEncodingsAreEncryptedAtRestAndStillRunAfterAKeyRotation() {
        var actor = TestSignIn.actor(Role.STATISTICIAN, UUID.randomUUID());
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        actor.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
        try {
            var lists = SyntheticLists.encoded("a synthetic secret for the rotation test");
            var run = runs.create("Rotation " + UUID.randomUUID(), 0.8, true);
            List<UUID> listIds = new ArrayList<>();
            for (var list : lists) {
                listIds.add(runs.upload(run.id(), list.label(), list.clk(), list.ids())
                        .id());
            }
            String before = sealed(listIds.getFirst());
            assertThat(before)
                    .isNotEqualTo(
                            Base64.getEncoder().encodeToString(lists.getFirst().clk()));

            rotation.rotate(line -> {});

            assertThat(sealed(listIds.getFirst())).isNotEqualTo(before);
            var completed = runs.run(run.id());
            assertThat(completed.overlap().csv()).isEqualTo(SyntheticLists.EXPECTED_CSV);
            assertThat(jdbc.sql("select count(*) from linkage.run_list where run_id = :run and encodings is null")
                            .param("run", run.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
