package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennrm.PlatformTest;
import org.opennrm.access.Role;
import org.opennrm.cases.SignedIn;
import org.opennrm.organisations.OrganisationRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing a campaign's survey: refused whole with every problem and its line (missing weight, unknown stratum,
 * wrong wave, answer not 0 or 1, missing column), stored whole otherwise; the result from the stored answers says
 * what can and cannot be concluded.
 */
@PlatformTest
class SurveyImportTests {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Surveys surveys;

    @Autowired
    OrganisationRegistry organisations;

    @Autowired
    JdbcClient jdbc;

    final UUID unit = UUID.randomUUID();
    UUID campaign;

    @BeforeEach
    void aCampaign() {
        UUID shelter =
                organisations.findByName("Safe Harbour Shelter").orElseThrow().id();
        campaign = SignedIn.as(
                        Role.PREVENTION_OFFICER,
                        unit,
                        () -> campaigns.register(new CampaignDetails(
                                "Safe jobs abroad",
                                shelter,
                                "Young job seekers",
                                List.of("North Region"),
                                LocalDate.of(2026, 3, 1),
                                LocalDate.of(2026, 5, 31),
                                List.of(Channel.RADIO),
                                "Check the agency; call the hotline.",
                                new BigDecimal("8000"),
                                "EUR")))
                .id();
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEveryLine() {
        String good = KapSurveys.survey(1, 6, 10, 0.15);
        String[] lines = good.split("\n");
        lines[3] = lines[3].replaceFirst(",[0-9.]+,([01]),([01])$", ",,$1,$2"); // line 4: no weight
        lines[5] = lines[5].replace("north-urban", "east-urban"); // line 6: a stratum not in the design
        lines[7] = lines[7].replaceFirst("^before", "during"); // line 8: no such wave
        lines[9] = lines[9].replaceFirst(",[01]$", ",yes"); // line 10: not 0 or 1
        String bad = String.join("\n", lines);

        assertThatThrownBy(() -> SignedIn.as(
                        Role.PREVENTION_OFFICER, unit, () -> surveys.importSurvey(campaign, bad, KapSurveys.STRATA)))
                .isInstanceOfSatisfying(SurveyInvalid.class, e -> assertThat(e.problems())
                        .extracting(SurveyProblem::line, SurveyProblem::key)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(4, "prevention.survey.problem.weightMissing"),
                                org.assertj.core.groups.Tuple.tuple(6, "prevention.survey.problem.stratumUnknown"),
                                org.assertj.core.groups.Tuple.tuple(8, "prevention.survey.problem.wave"),
                                org.assertj.core.groups.Tuple.tuple(10, "prevention.survey.problem.value")));
        assertThat(stored()).isZero();

        assertThatThrownBy(() -> SignedIn.as(
                        Role.PREVENTION_OFFICER,
                        unit,
                        () -> surveys.importSurvey(campaign, "wave,area,stratum,cluster\nbefore,x,y,z", "y")))
                .isInstanceOfSatisfying(SurveyInvalid.class, e -> assertThat(e.problems())
                        .extracting(SurveyProblem::key)
                        .contains("prevention.survey.problem.column", "prevention.survey.problem.noMeasure"));
        assertThat(stored()).isZero();
    }

    @Test
    void aGoodFileIsStoredWholeAndItsResultSaysWhatCanBeConcluded() {
        String csv = KapSurveys.survey(2, 6, 10, 0.15);
        var survey = SignedIn.as(
                Role.PREVENTION_OFFICER, unit, () -> surveys.importSurvey(campaign, csv, KapSurveys.STRATA));
        assertThat(survey.respondents()).isEqualTo(2 * 4 * 6 * 10);
        assertThat(survey.measures()).containsExactly("knows_how_to_protect", "knows_how_to_report");
        assertThat(stored()).isEqualTo(2L * 480);

        CampaignResult result = SignedIn.as(Role.COORDINATOR, unit, () -> surveys.result(campaign));
        var report = result.measures().get(1);
        assertThat(report.name()).isEqualTo("knows_how_to_report");
        assertThat(report.effect()).isNotNull();
        assertThat(report.effect().effect()).isBetween(0.0, 0.35);
        assertThat(report.conclusions())
                .extracting(CampaignResult.Conclusion::key)
                .contains("prevention.result.parallelTrends", "prevention.result.saysNotDoes")
                .doesNotContain("prevention.result.noComparison");

        // the same waves again are refused: a second file adds what the campaign does not have yet
        assertThatThrownBy(() -> SignedIn.as(
                        Role.PREVENTION_OFFICER, unit, () -> surveys.importSurvey(campaign, csv, KapSurveys.STRATA)))
                .isInstanceOfSatisfying(SurveyInvalid.class, e -> assertThat(e.problems())
                        .extracting(SurveyProblem::key)
                        .containsOnly("prevention.survey.problem.alreadyImported"));
    }

    @Test
    void withoutComparisonAreasTheResultSaysTheChangeCannotBeAttributed() {
        String campaignOnly = KapSurveys.survey(3, 6, 10, 0.15)
                .lines()
                .filter(line -> !line.contains(",comparison,"))
                .collect(java.util.stream.Collectors.joining("\n"));
        SignedIn.as(
                Role.PREVENTION_OFFICER, unit, () -> surveys.importSurvey(campaign, campaignOnly, KapSurveys.STRATA));
        var measure = SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> surveys.result(campaign))
                .measures()
                .get(1);
        assertThat(measure.effect()).isNull();
        assertThat(measure.campaignChange()).isNotNull();
        assertThat(measure.conclusions())
                .extracting(CampaignResult.Conclusion::key)
                .contains("prevention.result.noComparison");
    }

    @Test
    void tooFewClustersGiveNoNumberButTheReason() {
        // two clusters per stratum, one stratum per kind of area: fewer than 4 clusters in each cell
        String small = KapSurveys.survey(4, 2, 20, 0.15)
                .lines()
                .filter(line -> !line.contains("-rural"))
                .collect(java.util.stream.Collectors.joining("\n"));
        SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> surveys.importSurvey(campaign, small, KapSurveys.STRATA));
        var measure = SignedIn.as(Role.PREVENTION_OFFICER, unit, () -> surveys.result(campaign))
                .measures()
                .get(0);
        assertThat(measure.estimate("BEFORE", "CAMPAIGN").available()).isFalse();
        assertThat(measure.campaignChange()).isNull();
        assertThat(measure.effect()).isNull();
        assertThat(measure.conclusions())
                .extracting(CampaignResult.Conclusion::key)
                .contains("prevention.result.cellInsufficient");
    }

    private long stored() {
        return jdbc.sql("select count(*) from prevention.survey_answer a join prevention.survey s"
                        + " on s.id = a.survey_id where s.campaign_id = :campaign")
                .param("campaign", campaign)
                .query(Long.class)
                .single();
    }
}
