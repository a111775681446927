package org.opennrm.monitoring.plan.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.monitoring.plan.ActionPlans;
import org.opennrm.monitoring.plan.Measure;
import org.opennrm.monitoring.plan.MeasureDetails;
import org.opennrm.monitoring.plan.Pillar;
import org.opennrm.monitoring.plan.PlanDetails;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rapporteur's comments: written by the rapporteur's office only, dated and attributed, shown beside the measure to
 * every reader of the plan, never changed or removed (not even by the co-ordinator, nor in the database).
 */
@PlatformTest
class RapporteurCommentsTests {

    @Autowired
    RapporteurComments comments;

    @Autowired
    ActionPlans plans;

    @Autowired
    OrganisationRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    UUID office;
    UUID rapporteurOffice;
    UUID inspectorate;

    @BeforeEach
    void organisations() {
        office = registry.findByName("National Co-ordinator's Office")
                .orElseThrow()
                .id();
        inspectorate =
                registry.findByName("State Labour Inspectorate").orElseThrow().id();
        rapporteurOffice = UUID.randomUUID();
    }

    @Test
    void theRapporteurCommentsBesideAMeasureAndNobodyChangesIt() throws Exception {
        var measure = measure();
        var comment = SignedIn.as(
                Role.STATISTICIAN,
                rapporteurOffice,
                () -> comments.write(
                        CommentSubject.MEASURE, measure.id(), "  Training reached only half the inspectors.  "));
        assertThat(comment.text()).isEqualTo("Training reached only half the inspectors.");
        assertThat(comment.authorName()).isEqualTo("test-statistician");
        assertThat(comment.writtenAt()).isNotNull();

        // the co-ordinator and the lead organisation read it, and cannot write one
        var read = SignedIn.as(Role.REFERRER, inspectorate, () -> comments.on(CommentSubject.MEASURE, measure.id()));
        assertThat(read).extracting(RapporteurComment::text).containsExactly(comment.text());
        SignedIn.run(Role.COORDINATOR, office, () -> assertThatThrownBy(
                        () -> comments.write(CommentSubject.MEASURE, measure.id(), "Not so."))
                .isInstanceOf(AccessDeniedException.class));
        // no step changes a comment, and the database refuses it
        assertThatThrownBy(() -> jdbc.sql("update monitoring.plan_comment set text = 'Fine.' where id = :id")
                        .param("id", comment.id())
                        .update())
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("delete from monitoring.plan_comment where id = :id")
                        .param("id", comment.id())
                        .update())
                .hasMessageContaining("never changed");
        // a comment on nothing known is refused
        SignedIn.run(Role.STATISTICIAN, rapporteurOffice, () -> assertThatThrownBy(
                        () -> comments.write(CommentSubject.REPORT, UUID.randomUUID(), "About what?"))
                .isInstanceOf(RecordNotFound.class));

        // beside the measure: the panel shows it, with the form for the rapporteur only
        mvc.perform(get("/plans/comments")
                        .param("subject", "MEASURE")
                        .param("id", measure.id().toString())
                        .with(as(Role.COORDINATOR, office)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Training reached only half the inspectors.")))
                .andExpect(content().string(containsString("test-statistician, ")))
                .andExpect(content().string(not(containsString("id=\"comment-form\""))));
        mvc.perform(post("/plans/comments")
                        .param("subject", "MEASURE")
                        .param("id", measure.id().toString())
                        .param("text", " ")
                        .with(as(Role.STATISTICIAN, rapporteurOffice))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"comment-error\"")))
                .andExpect(content().string(containsString("Write the comment.")));
        mvc.perform(post("/plans/comments")
                        .param("subject", "MEASURE")
                        .param("id", measure.id().toString())
                        .param("text", "Second visit: the rest were trained.")
                        .with(as(Role.STATISTICIAN, rapporteurOffice))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Second visit: the rest were trained.")))
                .andExpect(content().string(containsString("Training reached only half the inspectors.")));
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type = 'plan-comment'"
                                + " and detail = :detail")
                        .param("detail", "MEASURE " + measure.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    private Measure measure() {
        return SignedIn.as(Role.COORDINATOR, office, () -> {
            var plan = plans.create(new PlanDetails(
                    "Commented plan " + UUID.randomUUID().toString().substring(0, 8),
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 12, 31),
                    true));
            var objective = plans.addObjective(plan.id(), Pillar.PREVENTION, "Fewer workers exploited");
            return plans.addMeasure(
                    plan.id(),
                    new MeasureDetails(
                            objective.id(),
                            "Train labour inspectors",
                            inspectorate,
                            List.of(),
                            LocalDate.of(2026, 3, 1),
                            LocalDate.of(2026, 11, 30)));
        });
    }
}
