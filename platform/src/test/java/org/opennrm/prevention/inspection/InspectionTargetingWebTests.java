package org.opennrm.prevention.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inspection targeting through its pages and API: import with line-level problems and nothing half-stored,
 * re-import, the ranking with its explanations, the refusal to rank on findings of one kind, plans and their
 * download, another organisation's planner, other roles, the aggregates, and the audit trail.
 */
@PlatformTest
class InspectionTargetingWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final UUID inspectorate = UUID.randomUUID();

    /** A small synthetic register and history, as CSV. */
    static String[] files(long seed, int workplaces) {
        var world = new SyntheticInspectorate(seed, workplaces, 2022, 3, workplaces / 5, 0.2);
        var register = new StringBuilder("workplace,sector,region,employees\n");
        world.register.forEach(w -> register.append(w.reference())
                .append(',')
                .append(w.sector())
                .append(',')
                .append(w.region())
                .append(',')
                .append(w.employees())
                .append('\n'));
        var history = new StringBuilder("workplace,date,violation,indicators,by_lot\n");
        world.inspections.forEach(i -> history.append(i.workplace())
                .append(',')
                .append(i.on())
                .append(',')
                .append(i.violation() ? "yes" : "no")
                .append(',')
                .append(i.indicators())
                .append(',')
                .append(i.random() ? "yes" : "no")
                .append('\n'));
        return new String[] {register.toString(), history.toString()};
    }

    int stored(String table) {
        return jdbc.sql("select count(*) from prevention." + table + " where organisation_id = :org")
                .param("org", inspectorate)
                .query(Integer.class)
                .single();
    }

    @Test
    void filesWithWrongValuesAreRefusedWholeWithTheirLinesAndNothingIsStored() throws Exception {
        String register = "workplace,sector,region,employees\nWP-1,F,North Region,4\nWP-2,Z,North Region,4\n"
                + "WP-3,C,,-5\nWP-1,C,South Region,3\n";
        String history = "workplace,date,violation,indicators,by_lot\nWP-1,2025-02-30,yes,0,no\n"
                + "WP-9,2025-01-10,maybe,x,no\n";
        mvc.perform(post("/inspection/import")
                        .param("register", register)
                        .param("inspections", history)
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Nothing was imported")))
                .andExpect(content().string(containsString("Line 3: &quot;Z&quot; is not a NACE Rev. 2 section")))
                .andExpect(content().string(containsString("Line 4: give the region")))
                .andExpect(content().string(containsString("Line 4: &quot;-5&quot; is not a number of employees")))
                .andExpect(content().string(containsString("Line 5: workplace WP-1 appears twice")))
                .andExpect(content().string(containsString("Line 2: &quot;2025-02-30&quot; is not a date")))
                .andExpect(content().string(containsString("Line 3: workplace WP-9 is neither")))
                .andExpect(content().string(containsString("Line 3: violation must be yes or no")))
                .andExpect(content().string(containsString("Line 3: indicators must be a count")));
        assertThat(stored("inspection_workplace")).isZero();
        assertThat(stored("inspection_record")).isZero();

        mvc.perform(post("/api/v1/inspection/imports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"register\": \"workplace,sector\\nWP-1,F\\n\"}")
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:ImportInvalid"))
                .andExpect(jsonPath("$.errors[0].file").value("register"))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].message", startsWith("Line 1: the header must be exactly")));
        assertThat(stored("inspection_workplace")).isZero();
    }

    @Test
    void findingsOfOneKindGiveAClearMessageAndNoRanking() throws Exception {
        var register = new StringBuilder("workplace,sector,region,employees\n");
        var history = new StringBuilder("workplace,date,violation,indicators,by_lot\n");
        for (int i = 0; i < 80; i++) {
            register.append("WP-").append(i).append(",F,North Region,5\n");
            history.append("WP-").append(i).append(",2025-03-01,no,0,no\n");
        }
        mvc.perform(post("/inspection/import")
                        .param("register", register.toString())
                        .param("inspections", history.toString())
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("of 80 inspections, 0 found a violation")))
                .andExpect(content().string(not(containsString("id=\"ranking\""))));
        mvc.perform(get("/api/v1/inspection/ranking").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:CannotTrain"));
        mvc.perform(post("/api/v1/inspection/plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 10, \"randomPercent\": 10}")
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:CannotTrain"));
    }

    @Test
    void refusedFilesAModelThatCannotBeTrainedAndARefusedCapacityAreSaidInFrench() throws Exception {
        // a thousand good lines, then a wrong sector on line 1002: its number as written, not grouped (1 002)
        var wrong = new StringBuilder("workplace,sector,region,employees\n");
        for (int i = 0; i < 1000; i++) {
            wrong.append("WP-").append(i).append(",F,North Region,5\n");
        }
        wrong.append("WP-X,Z,North Region,4\n");
        mvc.perform(post("/inspection/import")
                        .param("register", wrong.toString())
                        .with(csrf())
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Corrigez ces lignes et importez de nouveau les fichiers")))
                .andExpect(content().string(containsString("Ligne 1002 : « Z »")))
                .andExpect(content().string(not(containsString("Nothing was imported"))));

        var register = new StringBuilder("workplace,sector,region,employees\n");
        var history = new StringBuilder("workplace,date,violation,indicators,by_lot\n");
        for (int i = 0; i < 80; i++) {
            register.append("WP-").append(i).append(",F,North Region,5\n");
            history.append("WP-").append(i).append(",2025-03-01,no,0,no\n");
        }
        mvc.perform(post("/inspection/import")
                        .param("register", register.toString())
                        .param("inspections", history.toString())
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection")
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Le modèle de risque ne peut pas être entraîné : sur 80 inspections,"
                                + " 0 ont constaté une infraction.")));
        // a backtest asked for a capacity of none: the refused plan's field message
        mvc.perform(get("/inspection/backtest")
                        .param("k", "0")
                        .header("Accept-Language", "fr")
                        .locale(java.util.Locale.FRENCH)
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"k-error\">Indiquez un nombre entier d")))
                .andExpect(content().string(not(containsString("Give a whole number"))));
    }

    @Test
    void aPlannerImportsRanksPlansAndDownloadsAndAnotherInspectorateSeesNoneOfIt() throws Exception {
        String[] files = files(3, 600);
        mvc.perform(post("/inspection/import")
                        .param("register", files[0])
                        .param("inspections", files[1])
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection());
        assertThat(stored("inspection_workplace")).isEqualTo(600);
        int inspections = stored("inspection_record");
        assertThat(inspections).isEqualTo(360);

        // a workplace imported again is updated, not doubled
        mvc.perform(post("/api/v1/inspection/imports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"register\": \"workplace,sector,region,employees\\nWP-000001,Q,Capital Region,7\\n\"}")
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workplaces").value(1));
        assertThat(stored("inspection_workplace")).isEqualTo(600);
        assertThat(jdbc.sql("select sector from prevention.inspection_workplace where organisation_id = :org and"
                                + " reference = 'WP-000001'")
                        .param("org", inspectorate)
                        .query(String.class)
                        .single())
                .isEqualTo("Q");

        mvc.perform(get("/inspection").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ranking for 2025")))
                .andExpect(content().string(containsString("id=\"why-25\"")))
                .andExpect(content().string(containsString("Starting point, the same for every workplace")));
        mvc.perform(get("/api/v1/inspection/ranking?limit=600").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ranked.length()").value(600))
                .andExpect(jsonPath("$.ranked[599].factors[0].key").exists());

        var made = mvc.perform(post("/inspection/plans")
                        .param("capacity", "50")
                        .param("randomPercent", "20")
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = made.getResponse().getRedirectedUrl();
        UUID plan = UUID.fromString(location.substring("/inspection/plans/".length()));
        mvc.perform(get(location).with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("10 drawn by lot (20%)")))
                .andExpect(content().string(containsString("high estimated risk")));
        var csv = mvc.perform(get(location + "/csv").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines()).hasSize(51);
        assertThat(csv.lines().filter(l -> l.contains(",BY_LOT,"))).hasSize(10);
        assertThat(csv.lines().filter(l -> l.contains(",RANKED,"))).hasSize(40);
        assertThat(jdbc.sql("select count(*) from access.audit_entry where record_type in ('inspection-import',"
                                + " 'inspection-plan', 'inspection-ranking') and organisation_id = :org")
                        .param("org", inspectorate)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(5);

        mvc.perform(get("/inspection/backtest?k=50").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"backtest\"")))
                .andExpect(content().string(containsString("selection bias")));
        mvc.perform(get("/api/v1/inspection/backtest?k=50").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].year").value(2023));

        // another inspectorate's planner: nothing of it, the plan is not found
        UUID other = UUID.randomUUID();
        mvc.perform(get(location).with(as(Role.INSPECTION_PLANNER, other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/inspection/plans/{id}", plan).with(as(Role.INSPECTION_PLANNER, other)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"));
        mvc.perform(get(location + "/csv").with(as(Role.INSPECTION_PLANNER, other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection/workplace?reference=WP-000001").with(as(Role.INSPECTION_PLANNER, other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection").with(as(Role.INSPECTION_PLANNER, other)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing imported yet")));
        mvc.perform(get("/api/v1/inspection/plans").with(as(Role.INSPECTION_PLANNER, other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        // other roles: refused; prevention readers see the aggregates only
        mvc.perform(get("/inspection").with(as(Role.PREVENTION_OFFICER, inspectorate)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspection/ranking").with(as(Role.COORDINATOR, inspectorate)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/inspection/aggregates").with(as(Role.PREVENTION_OFFICER, UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Construction")))
                .andExpect(content().string(not(containsString("WP-000001"))));
        mvc.perform(get("/api/v1/inspection/aggregates").with(as(Role.PREVENTION_OFFICER, UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.minimum").isNumber());
    }

    @Test
    void aPlanBeyondTheRegisterOrWithAnImpossibleShareIsRefusedWithFieldMessages() throws Exception {
        String[] files = files(5, 300);
        mvc.perform(post("/inspection/import")
                        .param("register", files[0])
                        .param("inspections", files[1])
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/inspection/plans")
                        .param("capacity", "301")
                        .param("randomPercent", "150")
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"capacity-error\"")))
                .andExpect(content().string(containsString("The capacity is larger than the register")))
                .andExpect(content().string(containsString("Give a whole percentage from 0 to 100.")));
        mvc.perform(post("/api/v1/inspection/plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacity\": 0}")
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:opennrm:problem:PlanInvalid"));
    }

    @Test
    void aWorkplaceWithIndicatorsShowsThePlannerTheRouteToTheNormalScreening() throws Exception {
        mvc.perform(post("/inspection/import")
                        .param("register", "workplace,sector,region,employees\nWP-77,A,North Region,12\n")
                        .param("inspections", "workplace,date,violation,indicators,by_lot\nWP-77,2025-06-02,yes,2,no\n")
                        .with(csrf())
                        .with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/inspection/workplace?reference=WP-77").with(as(Role.INSPECTION_PLANNER, inspectorate)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"workplace-indicators\"")))
                .andExpect(content().string(containsString("id=\"workplace-route\"")))
                .andExpect(content().string(not(containsString("id=\"workplace-screening\""))))
                .andExpect(content().string(containsString("Agriculture, forestry and fishing")));
    }
}
