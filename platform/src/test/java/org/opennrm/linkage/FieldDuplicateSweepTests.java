package org.opennrm.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.linkage.population.RealisticLists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The duplicate check with the field-aware model: persons from the linkage library's realistic generator (small
 * skewed name pools, transliterations, swapped names and date parts) are referred as the cases module refers them;
 * some are referred twice, written differently. The check at referral compares whole records; the sweep after it
 * estimates the field-aware model on everyone and raises the pairs it finds.
 */
@PlatformTest
class FieldDuplicateSweepTests {

    @Autowired
    DuplicateCheck check;

    @Autowired
    FieldDuplicateSweep sweep;

    @Autowired
    PersonEncoding encoding;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    static LocalDate date(String text) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    UUID refer(String row) {
        return refer(check, encoding, row);
    }

    /** Refers the person of a generated row (id, given and family name, date of birth, sex, citizenship). */
    static UUID refer(DuplicateCheck check, PersonEncoding encoding, String row) {
        String[] cells = row.split(",", -1);
        UUID caseId = UUID.randomUUID();
        check.check(caseId, null, encoding.encodeWithFields(cells[1], cells[2], date(cells[3]), cells[4], cells[5]));
        return caseId;
    }

    @Test
    void theSweepFindsPersonsReferredTwiceThatTheCheckAtReferralMissed() throws Exception {
        // 400 persons from one agency's list, then 80 of them referred again as another agency wrote them
        var lists = new RealisticLists(23, RealisticLists.Errors.typical()).generate(400, 0.5);
        Map<String, UUID> caseOf = new HashMap<>();
        for (String row : lists.a().subList(1, lists.a().size())) {
            caseOf.put(row.split(",", -1)[0], refer(row));
        }
        Map<String, String> rowOfB = new HashMap<>();
        for (String row : lists.b().subList(1, lists.b().size())) {
            rowOfB.put(row.split(",", -1)[0], row);
        }
        Set<Set<UUID>> truth = new HashSet<>();
        Set<UUID> ours = new HashSet<>(caseOf.values());
        for (var pair : lists.truth().entrySet().stream().limit(80).toList()) {
            UUID again = refer(rowOfB.get(pair.getValue()));
            ours.add(again);
            truth.add(Set.of(caseOf.get(pair.getKey()), again));
        }
        int foundAtReferral = found(truth, DuplicateBasis.DICE);

        var swept = sweep.sweep();

        assertThat(swept).isNotNull();
        assertThat(swept.notEstimated()).isNull();
        assertThat(swept.persons()).isGreaterThanOrEqualTo(480);
        int foundBySweep = found(truth, DuplicateBasis.MODEL);
        int wrongBySweep = wrong(truth, ours, DuplicateBasis.MODEL);
        // the same person twice: the sweep adds what the check at referral missed, and is mostly right
        assertThat(foundAtReferral + foundBySweep)
                .as("at referral %d, by the sweep %d, of %d", foundAtReferral, foundBySweep, truth.size())
                .isGreaterThanOrEqualTo(foundAtReferral + truth.size() / 20);
        assertThat(foundAtReferral + foundBySweep).isGreaterThanOrEqualTo(truth.size() * 8 / 10);
        assertThat(wrongBySweep).as("wrong alerts of the sweep").isLessThan(Math.max(4, foundBySweep / 5));
        // an alert rests on one basis: a pair found at referral is not raised again by the sweep
        assertThat(jdbc.sql("""
                        select count(*) from linkage.possible_duplicate
                        group by least(case_id, other_case_id), greatest(case_id, other_case_id)
                        having count(*) > 1""").query(Long.class).list()).isEmpty();

        // nothing new stored: the next sweep has nothing to do
        assertThat(sweep.sweep()).isNull();

        // case managers see what the sweep did, and on what each alert rests
        String page = mvc.perform(get("/linkage/duplicates").with(as(Role.CASE_MANAGER, UUID.randomUUID())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Field-by-field check: last run")
                .contains("over " + swept.persons() + " persons")
                .contains("Match probability (field by field)")
                .contains("Similarity (whole record)");
    }

    /** The two cases of each alert on this basis. */
    List<Set<UUID>> pairs(DuplicateBasis basis) {
        return jdbc.sql("select case_id, other_case_id from linkage.possible_duplicate where basis = :basis")
                .param("basis", basis.name())
                .query((rs, row) -> Set.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Alerts between two of this test's cases that are not the same person. */
    int wrong(Set<Set<UUID>> truth, Set<UUID> ours, DuplicateBasis basis) {
        return (int) pairs(basis).stream()
                .filter(pair -> ours.containsAll(pair) && !truth.contains(pair))
                .count();
    }

    int found(Set<Set<UUID>> truth, DuplicateBasis basis) {
        return (int) pairs(basis).stream().filter(truth::contains).count();
    }
}
