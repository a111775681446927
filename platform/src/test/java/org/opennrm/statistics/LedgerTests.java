package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.opennrm.access.TestSignIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Actor;
import org.opennrm.access.Role;
import org.opennrm.access.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The publication ledger and the joint check through the whole application: approval writes every cell to the
 * ledger (which refuses changes), and a second release that would reveal a cell through the first is assembled with
 * more cells withheld, each with its reason, so that the attacker of {@link LinearAttack}, holding both releases as
 * the database keeps them, narrows no small cell below the range.
 */
@PlatformTest
class LedgerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalStatistics statistics;

    @Autowired
    Releases releases;

    @Autowired
    JdbcClient jdbc;

    final UUID organisation = UUID.randomUUID();
    final Actor assembler = TestSignIn.actor(Role.STATISTICIAN, organisation);
    final Actor approver = TestSignIn.actor(Role.STATISTICIAN, organisation);
    String region;

    @BeforeEach
    void region() {
        region = "J-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    void referrals(int count, int month, String sex, String band) {
        boolean child = band.equals("0-8") || band.equals("9-17");
        for (int i = 0; i < count; i++) {
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2025, month))
                    .origin(region, "NGO")
                    .person(sex, band, child, "ALB")
                    .exploitationForms(Set.of("LABOUR"))
                    .build());
        }
    }

    String assemble(String title, String... tables) throws Exception {
        var request = post("/statistics/releases")
                .with(as(assembler))
                .with(csrf())
                .param("title", title)
                .param("from", "2025-Q1")
                .param("to", "2025-Q4")
                .param("region", region);
        for (String table : tables) {
            request = request.param("table", table);
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    void approve(String id) throws Exception {
        mvc.perform(post("/statistics/releases/" + id + "/approve")
                        .with(as(approver))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    long ledgerCells(String id) {
        return jdbc.sql("select count(*) from statistics.published_cell where source_id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    @Test
    void aSecondReleaseThatWouldRevealACellThroughTheFirstIsWithheldWithReasonsAndBothAreLedgered() throws Exception {
        referrals(4, 1, "FEMALE", "9-17");
        referrals(20, 1, "MALE", "9-17");
        referrals(10, 4, "MALE", "0-8");
        referrals(12, 4, "FEMALE", "18-20");
        referrals(13, 7, "FEMALE", "21-23");
        referrals(25, 7, "FEMALE", "24-26");
        referrals(60, 10, "MALE", "30-38");

        String first = assemble("Ages " + region, "age-band:sex");
        assertThat(ledgerCells(first)).isZero();
        approve(first);
        // 6 bands and a total row, 2 sexes and a total column
        assertThat(ledgerCells(first)).isEqualTo(7 * 3);

        // the same table on screen and as a file is checked against the ledger too
        mvc.perform(get("/statistics")
                        .with(as(approver))
                        .param("rows", "age-group")
                        .param("columns", "sex")
                        .param("from", "2025-Q1")
                        .param("to", "2025-Q4")
                        .param("region", region))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"joint-summary\"")));
        mvc.perform(get("/statistics/tables/download")
                        .with(as(approver))
                        .param("rows", "age-group")
                        .param("columns", "sex")
                        .param("from", "2025-Q1")
                        .param("to", "2025-Q4")
                        .param("region", region)
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(",joint")));

        String second = assemble("Children " + region, "age-group:sex");
        mvc.perform(get("/statistics/releases/" + second).with(as(approver)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Withheld by the joint check, and why")))
                .andExpect(content().string(containsString("release “Ages " + region + "”, table 1")))
                .andExpect(content().string(containsString("could be recovered exactly")));
        approve(second);
        assertThat(ledgerCells(second)).isEqualTo(3 * 3);

        List<TableView> published = new ArrayList<>();
        var authorities = new ArrayList<SimpleGrantedAuthority>();
        approver.grants().forEach(grant -> authorities.add(new SimpleGrantedAuthority(grant.authority())));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(approver, null, authorities));
        try {
            published.addAll(releases.find(UUID.fromString(first)).orElseThrow().tables());
            published.addAll(
                    releases.find(UUID.fromString(second)).orElseThrow().tables());
        } finally {
            SecurityContextHolder.clearContext();
        }
        var world = new LinearAttack.World(List.of(8100, 8101, 8102, 8103), List.of(region), true);
        assertThat(LinearAttack.attack(world, published)).isNotEmpty().allSatisfy(finding -> assertThat(finding.width())
                .isGreaterThanOrEqualTo(10));
    }

    @Test
    void theLedgerIsAppendOnly() throws Exception {
        referrals(30, 1, "FEMALE", "30-38");
        String id = assemble("Kept " + region, "quarter:sex");
        approve(id);
        assertThat(ledgerCells(id)).isPositive();

        assertThatThrownBy(() -> jdbc.sql("update statistics.published_cell set value = 0 where source_id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from statistics.published_cell where source_id = ?")
                        .param(UUID.fromString(id))
                        .update())
                .hasMessageContaining("append-only");
        assertThat(ledgerCells(id)).isPositive();
    }

    /** The time of a realistic check: the nine referral tables of the standard list, 2,000 people, then again. */
    @Test
    void theStandardReferralTablesOfARegionAreCheckedJointlyInReasonableTime() throws Exception {
        var random = new Random(25);
        String[] bands = {"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"};
        double[] bandWeights = {0.03, 0.09, 0.12, 0.14, 0.14, 0.12, 0.2, 0.11, 0.05};
        String[] citizenships = {"ALB", "NGA", "VNM", "UKR", "ROU", "CHN", "SYR", "ERI", "BRA", "IND", "PHL", "MDA"};
        String[] forms = {"SEXUAL", "LABOUR", "CRIMINALITY", "BEGGING", "DOMESTIC_SERVITUDE", "FORCED_MARRIAGE"};
        String[] sectors = {"NGO", "POLICE", "LABOUR_INSPECTORATE", "HEALTH", "SELF"};
        String[] methods = {"DEBT_BONDAGE", "THREATS", "WITHHOLD_DOCUMENTS", "PHYSICAL_ABUSE", "PSYCHOLOGICAL_ABUSE"};
        String[] recruiters = {"FAMILY", "FRIEND", "INTIMATE_PARTNER", "OTHER"};
        for (int i = 0; i < 2_000; i++) {
            String band = bands[skewed(random, bandWeights)];
            boolean child = band.equals("0-8") || band.equals("9-17");
            statistics.record(Fact.of(EventKind.REFERRAL, YearMonth.of(2025, 1 + random.nextInt(12)))
                    .origin(region, sectors[zipf(random, sectors.length)])
                    .person(random.nextDouble() < 0.6 ? "FEMALE" : "MALE", band, child, citizenships[zipf(random, 12)])
                    .exploitationForms(Set.of(forms[zipf(random, forms.length)]))
                    .profile(
                            Set.of(methods[zipf(random, methods.length)]),
                            Set.of(),
                            recruiters[zipf(random, recruiters.length)],
                            Set.of())
                    .build());
        }
        String[] referralTables = {
            "quarter:sex",
            "quarter:age-group",
            "exploitation-form:sex",
            "age-band:sex",
            "age-group:sex",
            "citizenship:sex",
            "referring-sector:age-group",
            "method-of-control:age-group",
            "recruiter-relationship:sex"
        };
        String id = assemble("Standard " + region, referralTables);
        long first = checkMillis(id);
        approve(id);
        // the same tables with random rounding: every cell now an interval, all of them linked to the first release
        var request = post("/statistics/releases")
                .with(as(assembler))
                .with(csrf())
                .param("title", "Rounded " + region)
                .param("from", "2025-Q1")
                .param("to", "2025-Q4")
                .param("region", region)
                .param("rounding", "RANDOM");
        for (String table : referralTables) {
            request = request.param("table", table);
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long second = checkMillis(location.substring(location.lastIndexOf('/') + 1));
        System.out.printf(
                "joint check, 9 referral tables of 2,000 people: %d ms alone, %d ms rounded against the first%n",
                first, second);
        assertThat(first).isLessThan(60_000);
        assertThat(second).isLessThan(60_000);
    }

    long checkMillis(String id) {
        return jdbc.sql("select check_millis from statistics.release where id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    static int skewed(Random random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An index 0..n-1 drawn with weights 1, 1/2, 1/3...: a few common codes and a long tail. */
    static int zipf(Random random, int n) {
        double total = 0;
        for (int i = 1; i <= n; i++) {
            total += 1.0 / i;
        }
        double u = random.nextDouble() * total;
        for (int i = 1; i <= n; i++) {
            u -= 1.0 / i;
            if (u < 0) {
                return i - 1;
            }
        }
        return n - 1;
    }
}
