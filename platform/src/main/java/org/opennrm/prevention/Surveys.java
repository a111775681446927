package org.opennrm.prevention;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge-attitude-practice surveys of a campaign ({@code prevention.survey}, {@code prevention.survey_answer}):
 * imported whole or refused with every problem and its line, and the campaign's result computed from all of them.
 */
@Service
class Surveys {

    static final int MAX_STRATA = 200;

    /** An imported survey file: when, its measures, strata and respondents. */
    record Survey(UUID id, List<String> strata, List<String> measures, int respondents, Instant uploadedAt) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final AuditTrail audit;
    private final Clock clock;

    Surveys(JdbcClient jdbc, Campaigns campaigns, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Imports a survey file of a campaign. The strata are those of the sample design, as its plan names them
     * (separated by commas or new lines); a line naming another stratum is refused. A wave and kind of area already
     * imported for the campaign cannot come again (a second file adds the other wave, or the comparison areas).
     */
    @Transactional
    @PreAuthorize(PreventionAccess.MANAGE_CAMPAIGNS)
    Survey importSurvey(UUID campaignId, String csv, String strataText) {
        campaigns.get(campaignId);
        var strata = new LinkedHashSet<String>();
        for (String stratum : (strataText == null ? "" : strataText).split("[,\\n]")) {
            if (!stratum.isBlank()) {
                strata.add(stratum.strip());
            }
        }
        if (strata.isEmpty() || strata.size() > MAX_STRATA) {
            throw new SurveyInvalid(List.of(SurveyProblem.at(0, "prevention.survey.problem.strata", MAX_STRATA)), 0);
        }
        SurveyCsv.Read read = SurveyCsv.read(csv, strata);
        Set<String> already = new LinkedHashSet<>(jdbc.sql("select distinct a.wave || ' ' || a.area"
                        + " from prevention.survey_answer a join prevention.survey s on s.id = a.survey_id"
                        + " where s.campaign_id = :campaign")
                .param("campaign", campaignId)
                .query(String.class)
                .list());
        var repeated = new ArrayList<SurveyProblem>();
        read.answers().stream()
                .map(answer -> answer.wave() + " " + answer.area())
                .distinct()
                .filter(already::contains)
                .forEach(cell -> {
                    String[] parts = cell.split(" ");
                    repeated.add(SurveyProblem.at(0, "prevention.survey.problem.alreadyImported", parts[0], parts[1]));
                });
        if (!repeated.isEmpty()) {
            throw new SurveyInvalid(repeated, 0);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into prevention.survey (id, campaign_id, strata, measures, respondents, uploaded_by,"
                        + " uploaded_at) values (:id, :campaign, :strata, :measures, :respondents, :by, :at)")
                .param("id", id)
                .param("campaign", campaignId)
                .param("strata", strata.toArray(String[]::new))
                .param("measures", read.measures().toArray(String[]::new))
                .param("respondents", read.respondents())
                .param("by", Actor.current().map(Actor::accountId).orElseThrow())
                .param("at", java.sql.Timestamp.from(now))
                .update();
        for (SurveyAnswer answer : read.answers()) {
            jdbc.sql("insert into prevention.survey_answer (survey_id, line, wave, area, stratum, cluster, weight,"
                            + " measure, value) values (:survey, :line, :wave, :area, :stratum, :cluster, :weight,"
                            + " :measure, :value)")
                    .param("survey", id)
                    .param("line", answer.line())
                    .param("wave", answer.wave().name())
                    .param("area", answer.area().name())
                    .param("stratum", answer.stratum())
                    .param("cluster", answer.cluster())
                    .param("weight", answer.weight())
                    .param("measure", answer.measure())
                    .param("value", answer.value())
                    .update();
        }
        audit.record(AuditAction.CREATE, "survey", id, "campaign=" + campaignId + " respondents=" + read.respondents());
        return new Survey(id, List.copyOf(strata), read.measures(), read.respondents(), now);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    List<Survey> of(UUID campaignId) {
        return jdbc.sql("select id, strata, measures, respondents, uploaded_at from prevention.survey"
                        + " where campaign_id = :campaign order by uploaded_at")
                .param("campaign", campaignId)
                .query((rs, row) -> new Survey(
                        rs.getObject("id", UUID.class),
                        strings(rs.getArray("strata")),
                        strings(rs.getArray("measures")),
                        rs.getInt("respondents"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** The campaign's result from all its surveys; null when none is imported. */
    @Transactional(readOnly = true)
    @PreAuthorize(PreventionAccess.READ)
    CampaignResult result(UUID campaignId) {
        campaigns.get(campaignId);
        var surveys = of(campaignId);
        if (surveys.isEmpty()) {
            return null;
        }
        var measures = new LinkedHashSet<String>();
        surveys.forEach(survey -> measures.addAll(survey.measures()));
        List<SurveyAnswer> answers = jdbc.sql("select a.line, a.wave, a.area, a.stratum, a.cluster, a.weight,"
                        + " a.measure, a.value from prevention.survey_answer a join prevention.survey s"
                        + " on s.id = a.survey_id where s.campaign_id = :campaign")
                .param("campaign", campaignId)
                .query((rs, row) -> new SurveyAnswer(
                        rs.getInt("line"),
                        SurveyAnswer.Wave.valueOf(rs.getString("wave")),
                        SurveyAnswer.Area.valueOf(rs.getString("area")),
                        rs.getString("stratum"),
                        rs.getString("cluster"),
                        rs.getDouble("weight"),
                        rs.getString("measure"),
                        rs.getInt("value")))
                .list();
        return CampaignResult.of(List.copyOf(measures), answers);
    }

    private static List<String> strings(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
