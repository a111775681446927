package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennrm.DatabaseOfItsOwn;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.Organisation;
import org.opennrm.organisations.OrganisationRegistry;
import org.opennrm.statistics.publishing.PublishedEstimate;
import org.opennrm.statistics.publishing.PublishedEstimates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * SDG 16.2.2 with the hidden-number estimate as its total: a background estimate on the platform's own lists of the
 * return's year, run to the end, stands beside the detected victims on the draft and the published return (numbers
 * and rates per 100,000 with the interval), is written as its own series in the open-sdg CSV and the SDMX file; an
 * estimate not finished, of another period, or without a total is refused with the reason at the field and as a
 * problem detail of the API.
 */
@PlatformTest
@DatabaseOfItsOwn
class SdgEstimateTests {

    /** The year whose return is published with its estimate (in this class's own database). */
    static final int YEAR = 2021;

    /** The year of the refusals: an estimate published for it would change what they see. */
    static final int OTHER_YEAR = 2022;

    static final long POPULATION = 2_000_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    PublishedEstimates estimates;

    final UUID organisation = UUID.randomUUID();
    final Actor sender = TestSignIn.actor(Role.STATISTICIAN, organisation);
    final Actor approver = TestSignIn.actor(Role.STATISTICIAN, organisation);

    @Test
    void aCompletedEstimateOnTheYearsOwnListsStandsAsTheTotalAndIsWrittenAsItsOwnSeries() throws Exception {
        detectedVictims(YEAR);
        population(YEAR);
        platformLists(YEAR);
        String accepted = mvc.perform(post("/api/v1/estimates/jobs/cases")
                        .param("from", Integer.toString(YEAR))
                        .param("to", Integer.toString(YEAR))
                        .param("classes", "5")
                        .param("burnIn", "2000")
                        .param("samples", "500")
                        .param("thinning", "4")
                        .param("seed", "11")
                        .with(as(sender))
                        .with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.source").value("CASES"))
                .andExpect(jsonPath("$.firstYear").value(YEAR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID job = UUID.fromString(accepted.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

        // chosen while it still runs (or waits): refused, nothing fitted in the request
        var first = find(job);
        if (!first.done()) {
            mvc.perform(get("/returns/draft")
                            .param("template", Sdg1622Return.ID)
                            .param("year", Integer.toString(YEAR))
                            .param("estimate", job.toString())
                            .with(as(sender)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"estimate-problem\"")))
                    .andExpect(content().string(containsString("has not finished yet")));
        }
        var estimate = await(job);
        assertThat(estimate.status()).isEqualTo("DONE");
        assertThat(estimate.choice()).as("the data support a total").isNotNull();
        assertThat(estimate.upper()).isNotNull();
        assertThat(estimate.platformListsOf(YEAR)).isTrue();
        // the estimate is of persons, detected and undetected: at least the persons the lists saw
        assertThat(estimate.total()).isGreaterThanOrEqualTo(estimate.observed().doubleValue());

        // the figure, for whoever re-measures (docs/official-returns.md)
        System.out.printf(
                "SDG estimate on the synthetic lists: %s %.1f [%.1f, %.1f] of %d seen%n",
                estimate.choice(), estimate.total(), estimate.lower(), estimate.upper(), estimate.observed());
        long total = Math.round(estimate.total());
        long lower = (long) Math.floor(estimate.lower());
        long upper = (long) Math.ceil(estimate.upper());
        String detected = draftTotal();
        mvc.perform(get("/returns/draft")
                        .param("template", Sdg1622Return.ID)
                        .param("year", Integer.toString(YEAR))
                        .param("estimate", job.toString())
                        .with(as(sender)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"estimate-detected\">" + detected + "<")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"estimate-detected-rate\">" + rate(Double.parseDouble(detected)) + "<")))
                .andExpect(content().string(containsString("id=\"estimate-total\">" + total + "<")))
                .andExpect(content().string(containsString("id=\"estimate-rate\">" + rate(estimate.total()) + "<")))
                .andExpect(content().string(containsString(lower + " to " + upper)))
                .andExpect(content().string(containsString(rate(lower) + " to " + rate(upper))))
                .andExpect(content().string(containsString("platform&#39;s own lists of " + YEAR)))
                .andExpect(content().string(containsString("stay counts of detected victims")))
                .andExpect(content().string(not(containsString("are not estimated here"))))
                .andExpect(content().string(containsString("name=\"estimate\" value=\"" + job + "\"")));

        // the API's draft gives the same numbers
        mvc.perform(get("/api/v1/returns/draft")
                        .param("template", Sdg1622Return.ID)
                        .param("year", Integer.toString(YEAR))
                        .param("estimate", job.toString())
                        .with(as(sender)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.estimatedTotal.total").value(total))
                .andExpect(jsonPath("$.estimatedTotal.lower").value(lower))
                .andExpect(jsonPath("$.estimatedTotal.upper").value(upper))
                .andExpect(jsonPath("$.estimatedTotal.rate").value(rate(estimate.total())))
                .andExpect(jsonPath("$.estimatedTotal.platformLists").value(true))
                .andExpect(jsonPath("$.estimatedTotal.jobId").value(job.toString()));

        // sent with the estimate, approved by a second statistician, downloaded
        String created = mvc.perform(post("/api/v1/returns")
                        .with(as(sender))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"template\":\"sdg-16-2-2\",\"year\":" + YEAR + ",\"estimate\":\"" + job + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/returns/" + id).with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"estimate-total\">" + total + "<")));
        mvc.perform(post("/api/v1/returns/" + id + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.estimatedTotal.total").value(total));
        String csv = mvc.perform(get("/api/v1/returns/" + id + "/file")
                        .param("format", "csv")
                        .with(as(approver)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("Year,Series,Units,Sex,Age,Exploitation_Type,Value,Lower_Bound,Upper_Bound");
        assertThat(lines)
                .contains(YEAR + ",detected_victims,count,,,," + detected + ",,")
                .contains(YEAR + ",estimated_victims,count,,,," + total + "," + lower + "," + upper)
                .contains(YEAR + ",estimated_victims,per_100000_population,,,," + rate(estimate.total()) + ","
                        + rate(lower) + "," + rate(upper));
        // the breakdowns stay detected counts: no estimated row is broken down
        assertThat(lines.stream().filter(line -> line.contains("estimated_victims")))
                .hasSize(2)
                .allMatch(line -> line.contains(",,,,"));
        mvc.perform(get("/api/v1/returns/" + id + "/file")
                        .param("format", "sdmx")
                        .with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LOWER_BOUND,UPPER_BOUND")))
                .andExpect(content()
                        .string(containsString(ReturnFiles.ESTIMATED_SERIES_SDMX + ",MDA," + YEAR
                                + ",_T,_T,PER_100000_POP," + rate(estimate.total()) + "," + rate(lower) + ","
                                + rate(upper))));
    }

    @Test
    void anEstimateNotFinishedOfAnotherPeriodOrWithoutATotalIsRefusedAtTheFieldAndAsAProblem() throws Exception {
        detectedVictims(OTHER_YEAR);
        population(OTHER_YEAR);
        UUID waiting = job("SUBMITTED", "CASES", OTHER_YEAR, null);
        UUID otherPeriod = job("DONE", "CASES", OTHER_YEAR - 1, result(400, 600, 900));
        UUID noTotal =
                job("DONE", "CASES", OTHER_YEAR, "{\"observed\": 30, \"warnings\": [{\"kind\": \"FEW_OVERLAPS\"}]}");
        UUID givenTable = job("DONE", "TABLE", null, result(400, 600, 900));

        Map<UUID, String> refusals = new LinkedHashMap<>();
        refusals.put(waiting, "This estimate has not finished yet");
        refusals.put(otherPeriod, "counts the platform&#39;s lists of " + (OTHER_YEAR - 1) + ", not of " + OTHER_YEAR);
        refusals.put(noTotal, "support no total");
        for (var refusal : refusals.entrySet()) {
            mvc.perform(get("/returns/draft")
                            .param("template", Sdg1622Return.ID)
                            .param("year", Integer.toString(OTHER_YEAR))
                            .param("estimate", refusal.getKey().toString())
                            .with(as(sender)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"estimate-problem\"")))
                    .andExpect(content().string(containsString(refusal.getValue())))
                    // the draft stays, without the estimate and without the button to send it
                    .andExpect(content().string(containsString("id=\"total-sex\"")))
                    .andExpect(content().string(not(containsString("id=\"estimated-total\""))))
                    .andExpect(content().string(not(containsString("id=\"send-form\""))));
            mvc.perform(get("/api/v1/returns/draft")
                            .param("template", Sdg1622Return.ID)
                            .param("year", Integer.toString(OTHER_YEAR))
                            .param("estimate", refusal.getKey().toString())
                            .with(as(sender)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail")
                            .value(containsString(refusal.getValue().replace("&#39;", "'"))));
        }
        // sending with a refused estimate stores nothing
        mvc.perform(post("/api/v1/returns")
                        .with(as(sender))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"template\":\"sdg-16-2-2\",\"year\":" + OTHER_YEAR + ",\"estimate\":\"" + waiting
                                + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(jdbc.sql("select count(*) from monitoring.return_release where estimate_job = ?")
                        .param(waiting)
                        .query(Long.class)
                        .single())
                .isZero();
        // another return than SDG 16.2.2 takes none
        mvc.perform(get("/api/v1/returns/draft")
                        .param("template", EurostatReturn.ID)
                        .param("year", Integer.toString(OTHER_YEAR))
                        .param("estimate", givenTable.toString())
                        .with(as(sender)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("Only the SDG 16.2.2 return")));

        // an estimate on a table a statistician gave stands, stated as not the platform's lists
        mvc.perform(get("/returns/draft")
                        .param("template", Sdg1622Return.ID)
                        .param("year", Integer.toString(OTHER_YEAR))
                        .param("otherEstimate", givenTable.toString())
                        .with(as(sender)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"estimate-total\">600<")))
                .andExpect(content().string(containsString("id=\"estimate-rate\">30.00<")))
                .andExpect(content().string(containsString("20.00 to 45.00")))
                .andExpect(content().string(containsString("not on the platform&#39;s own lists of " + OTHER_YEAR)));
    }

    @Test
    void theEstimatesPageStartsABackgroundEstimateOnTheListsOfAYear() throws Exception {
        int year = 2023;
        platformLists(year);
        String location = mvc.perform(post("/statistics/estimates/jobs/cases")
                        .param("from", Integer.toString(year))
                        .param("to", Integer.toString(year))
                        .with(as(sender))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/statistics/estimates/jobs/");
        UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var estimate = find(job);
        assertThat(estimate.source()).isEqualTo("CASES");
        assertThat(estimate.platformListsOf(year)).isTrue();
        assertThat(estimate.platformListsOf(year + 1)).isFalse();
        // the default chain is long: this test needs only the job as stored, so free the worker for the others
        jdbc.sql(
                        "update statistics.estimation_job set status = 'FAILED', failure = 'stopped by the test', finished_at ="
                                + " now() where id = ? and status = 'SUBMITTED'")
                .param(job)
                .update();

        // a year nobody was referred in cannot be estimated: refused on the page, nothing stored
        mvc.perform(post("/statistics/estimates/jobs/cases")
                        .param("from", "2024")
                        .param("to", "2024")
                        .with(as(sender))
                        .with(csrf()))
                .andExpect(status().isBadRequest());
    }

    private PublishedEstimate find(UUID job) {
        return SignedIn.as(sender, () -> estimates.find(job)).orElseThrow();
    }

    private PublishedEstimate await(UUID job) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            var estimate = find(job);
            if (estimate.done() || "FAILED".equals(estimate.status())) {
                return estimate;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the estimate did not finish in two minutes");
    }

    private String draftTotal() throws Exception {
        String json = mvc.perform(get("/api/v1/returns/draft")
                        .param("template", Sdg1622Return.ID)
                        .param("year", Integer.toString(YEAR))
                        .with(as(sender)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.replaceAll("(?s).*?\"total\":\\{[^}]*\"count\":(\\d+).*", "$1");
    }

    private static String rate(double persons) {
        return BigDecimal.valueOf(persons)
                .multiply(BigDecimal.valueOf(100_000))
                .divide(BigDecimal.valueOf(POPULATION), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** Victims registered in the year, as the facts the return counts: 70 women and 50 men, all adults. */
    private void detectedVictims(int year) {
        jdbc.sql("delete from statistics.fact where period_year = ?")
                .param(year)
                .update();
        for (int i = 0; i < 120; i++) {
            jdbc.sql("""
                            insert into statistics.fact (event_kind, period_year, period_quarter, period_month, sex,
                                child, exploitation_forms, referring_sector)
                            values ('REFERRAL', :year, 1, 1, :sex, false, cast('{SEXUAL_EXPLOITATION}' as varchar(40)[]),
                                'NGO')
                            """)
                    .param("year", year)
                    .param("sex", i < 70 ? "FEMININE" : "MASCULINE")
                    .update();
        }
    }

    private void population(int year) {
        jdbc.sql("delete from monitoring.return_population where population_year = ?")
                .param(year)
                .update();
        Map<String, Long> groups = Map.of(
                "TOTAL", POPULATION, "FEMALE", 1_040_000L, "MALE", 960_000L, "CHILD", 400_000L, "ADULT", 1_600_000L);
        groups.forEach((group, population) ->
                jdbc.sql("""
                        insert into monitoring.return_population (population_year, population_group, population)
                        values (?, ?, ?)""").params(year, group, population).update());
    }

    /**
     * Persons referred in the year and the kinds of organisation that met them, as the platform learns them from
     * events: three sectors recording people independently, about 580 of some 1,000 seen.
     */
    private void platformLists(int year) {
        List<Organisation> three = new ArrayList<>();
        var seen = new java.util.HashSet<Object>();
        for (var candidate : organisations.all()) {
            if (candidate.sector() != null && seen.add(candidate.sector()) && three.size() < 3) {
                three.add(candidate);
            }
        }
        assertThat(three).as("three sectors among the demo organisations").hasSize(3);
        jdbc.sql("""
                        delete from statistics.encounter where case_id in
                            (select case_id from statistics.encounter_case where referred_year = ?)""").param(year).update();
        jdbc.sql("delete from statistics.encounter_case where referred_year = ?")
                .param(year)
                .update();
        // A B C -> persons
        Map<String, Integer> cells = new LinkedHashMap<>();
        cells.put("100", 180);
        cells.put("010", 140);
        cells.put("001", 105);
        cells.put("110", 60);
        cells.put("101", 45);
        cells.put("011", 35);
        cells.put("111", 15);
        cells.forEach((cell, persons) -> {
            for (int p = 0; p < persons; p++) {
                UUID caseId = UUID.randomUUID();
                jdbc.sql("""
                                insert into statistics.encounter_case (case_id, person_id, referred_year)
                                values (?, ?, ?)""").params(caseId, UUID.randomUUID(), year).update();
                for (int list = 0; list < 3; list++) {
                    if (cell.charAt(list) == '1') {
                        jdbc.sql("insert into statistics.encounter (case_id, organisation_id) values (?, ?)")
                                .params(caseId, three.get(list).id())
                                .update();
                    }
                }
            }
        });
    }

    /** A job as the background worker leaves it, for refusals that need no fit. */
    private UUID job(String status, String source, Integer year, String result) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into statistics.estimation_job (id, status, progress, source, first_year, last_year,
                            overlap_table, lists, classes, burn_in, samples, thinning, seed, time_limit_seconds,
                            submitted_at, finished_at, result)
                        values (:id, :status, 0, :source, :year, :year, 'A,B,C,count', 3, 10, 1000, 200, 2, 1, 60,
                            :at, :finished, cast(:result as jsonb))
                        """)
                .param("id", id)
                .param("status", status)
                .param("source", source)
                .param("year", year)
                .param("at", Timestamp.from(Instant.now()))
                .param("finished", status.equals("DONE") ? Timestamp.from(Instant.now()) : null)
                .param("result", result)
                .update();
        return id;
    }

    private static String result(double lower, double total, double upper) {
        return "{\"observed\": 300, \"warnings\": [], \"recommendedRow\": {\"choice\": \"LATENT_CLASS\", \"model\":"
                + " \"latent classes (K* = 2)\", \"total\": " + total + ", \"totalLower\": " + lower
                + ", \"totalUpper\": " + upper + "}}";
    }
}
