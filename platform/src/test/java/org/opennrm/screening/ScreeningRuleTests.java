package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.screening.Answer.DONT_KNOW;
import static org.opennrm.screening.Answer.NO;
import static org.opennrm.screening.Answer.YES;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.screening.ScreeningResult.CountedIndicator;
import org.opennrm.screening.ScreeningResult.ElementFinding;

/**
 * The whole assessment on the labour-inspection checklist: which answers count for which element, the
 * reasons a result gives, and the cautions that go with it. Illustration 1 of the shared rule notes
 * (section 5) is answered question by question.
 */
class ScreeningRuleTests {

    static final Catalogues catalogues = new Catalogues();
    static final Checklist labour =
            new Checklists(catalogues).find("labour-inspection").orElseThrow();
    final ScreeningRule rule = RuleSettings.defaults().rule();

    ScreeningResult assess(AgeGroup age, Map<String, Answer> answers, ExploitationForm... forms) {
        return rule.assess(labour, answers, age, Set.of(forms), catalogues);
    }

    static Map<String, Answer> answers(Object... pairs) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put((String) pairs[i], (Answer) pairs[i + 1]);
        }
        return answers;
    }

    static ElementFinding finding(ScreeningResult result, Element element) {
        return result.elements().stream()
                .filter(f -> f.element() == element)
                .findFirst()
                .orElseThrow();
    }

    /** Lied to about the job (S) and pay (M); excessive hours (S) and little pay (M); documents taken (S). */
    static Map<String, Answer> illustrationOne() {
        return answers("LI01", YES, "LI02", YES, "LI05", YES, "LI06", YES, "LI10", YES);
    }

    @Test
    void documentsTakenAloneLeaveTheAdultWithoutADestinationElementAndNoReferralSuggested() {
        var result = assess(AgeGroup.ADULT, illustrationOne());

        assertThat(finding(result, Element.DECEPTIVE_RECRUITMENT).present()).isTrue();
        assertThat(finding(result, Element.DECEPTIVE_RECRUITMENT).matchedBy()).isEqualTo(new Clause(1, 0, 0, 1));
        assertThat(finding(result, Element.EXPLOITATION).present()).isTrue();
        var destination = finding(result, Element.COERCION_AT_DESTINATION);
        assertThat(destination.present()).isFalse();
        assertThat(destination.strong()).isEqualTo(1);
        assertThat(destination.matchedBy()).isNull();
        assertThat(result.requirements())
                .extracting(ScreeningResult.RequirementFinding::met)
                .containsExactly(true, true, false);
        assertThat(result.suggestion()).isEqualTo(Suggestion.NO_REFERRAL_SUGGESTED);
    }

    @Test
    void aThreatOfBeingReportedCompletesTheDestinationAndSuggestsReferral() {
        var answers = illustrationOne();
        answers.put("LI14", YES);

        var result = assess(AgeGroup.ADULT, answers);

        var destination = finding(result, Element.COERCION_AT_DESTINATION);
        assertThat(destination.present()).isTrue();
        assertThat(destination.counted())
                .extracting(CountedIndicator::questionId, CountedIndicator::indicatorId, CountedIndicator::strength)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("LI10", "AL-CD-01", Strength.STRONG),
                        org.assertj.core.groups.Tuple.tuple("LI14", "AL-CD-11", Strength.MEDIUM));
        assertThat(result.suggestion()).isEqualTo(Suggestion.REFER_AS_PRESUMED_VICTIM);
        assertThat(result.assessedAs()).isEqualTo(AgeGroup.ADULT);
        assertThat(result.indicatorList()).isEqualTo("adult-labour");
    }

    @Test
    void countedIndicatorsCarryTheirCatalogueTextAndVerification() {
        var result = assess(AgeGroup.ADULT, answers("LI01", YES));

        var counted = finding(result, Element.DECEPTIVE_RECRUITMENT).counted().getFirst();
        assertThat(counted.text()).isEqualTo("lied to about type of job, place or employer");
        assertThat(counted.verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(result.cautions()).contains(Caution.UNVERIFIED_RULE);
    }

    @Test
    void forAChildRecruitmentAndExploitationSufficeWithoutADestinationElement() {
        var result = assess(AgeGroup.CHILD, answers("LI01", YES, "LI02", YES, "LI05", YES, "LI06", YES));

        assertThat(result.suggestion()).isEqualTo(Suggestion.REFER_AS_PRESUMED_VICTIM);
        assertThat(result.indicatorList()).isEqualTo("child-labour");
        assertThat(result.requirements()).hasSize(2);
        assertThat(result.cautions()).contains(Caution.CHILD_NO_MEANS_NEEDED);
        assertThat(finding(result, Element.DECEPTIVE_RECRUITMENT).counted())
                .extracting(CountedIndicator::indicatorId)
                .containsExactly("CL-DR-01", "CL-DR-08");
    }

    @Test
    void theSameAnswersForAnAdultSuggestNoReferral() {
        var result = assess(AgeGroup.ADULT, answers("LI01", YES, "LI02", YES, "LI05", YES, "LI06", YES));

        assertThat(result.suggestion()).isEqualTo(Suggestion.NO_REFERRAL_SUGGESTED);
        assertThat(result.cautions()).doesNotContain(Caution.CHILD_NO_MEANS_NEEDED);
    }

    @Test
    void aPersonOfUnknownAgeIsAssessedAsAChildByDefault() {
        var result = assess(AgeGroup.UNKNOWN, answers("LI01", YES, "LI02", YES, "LI05", YES, "LI06", YES));

        assertThat(result.assessedAs()).isEqualTo(AgeGroup.CHILD);
        assertThat(result.suggestion()).isEqualTo(Suggestion.REFER_AS_PRESUMED_VICTIM);
        assertThat(result.cautions()).contains(Caution.AGE_UNKNOWN_ASSESSED_AS_CHILD);
    }

    @Test
    void anInstallationCanAssessUnknownAgeAsAdult() {
        var adults = new RuleSettings(null, null, null, null, null, AgeGroup.ADULT).rule();
        var result = adults.assess(
                labour,
                answers("LI01", YES, "LI02", YES, "LI05", YES, "LI06", YES),
                AgeGroup.UNKNOWN,
                Set.of(),
                catalogues);

        assertThat(result.assessedAs()).isEqualTo(AgeGroup.ADULT);
        assertThat(result.suggestion()).isEqualTo(Suggestion.NO_REFERRAL_SUGGESTED);
        assertThat(result.cautions()).contains(Caution.AGE_UNKNOWN_ASSESSED_AS_ADULT);
    }

    @Test
    void indicatorsCountOnlyWithinTheirOwnElement() {
        // a child: debt at recruitment is strong (coercive recruitment), irregular status medium (abuse of
        // vulnerability at recruitment); together they would meet "1 strong + 1 medium", but not in one element
        var result = assess(AgeGroup.CHILD, answers("LI03", YES, "LI04", YES));

        assertThat(finding(result, Element.COERCIVE_RECRUITMENT).strong()).isEqualTo(1);
        assertThat(finding(result, Element.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY)
                        .medium())
                .isEqualTo(1);
        assertThat(result.elements()).noneMatch(ElementFinding::present);
    }

    @Test
    void onlyYesCountsAndDontKnowOrUnansweredQuestionsAreReported() {
        var result = assess(AgeGroup.ADULT, answers("LI01", NO, "LI02", DONT_KNOW, "LI05", YES));

        assertThat(finding(result, Element.DECEPTIVE_RECRUITMENT).counted()).isEmpty();
        assertThat(finding(result, Element.EXPLOITATION).counted()).hasSize(1);
        // 15 questions: one NO, one YES, the rest don't know or unanswered
        assertThat(result.questionsNotKnown()).isEqualTo(13);
        assertThat(result.cautions()).contains(Caution.ANSWERS_MISSING);
    }

    @Test
    void everyQuestionAnsweredLeavesNoAnswersMissingCaution() {
        Map<String, Answer> all = new LinkedHashMap<>();
        labour.questions().forEach(q -> all.put(q.id(), NO));

        var result = assess(AgeGroup.ADULT, all);

        assertThat(result.questionsNotKnown()).isZero();
        assertThat(result.cautions()).doesNotContain(Caution.ANSWERS_MISSING);
        assertThat(result.suggestion()).isEqualTo(Suggestion.NO_REFERRAL_SUGGESTED);
    }

    @Test
    void signsFromOtherCataloguesAreListedButNotCounted() {
        var result = assess(AgeGroup.ADULT, answers("LI10", YES));

        assertThat(result.otherSigns())
                .extracting(ScreeningResult.OtherSign::indicatorId)
                .containsExactly("FL07", "UG13");
        assertThat(result.otherSigns().getFirst().catalogue()).isEqualTo("ilo-11");
        assertThat(result.elements().stream().mapToInt(f -> f.counted().size()).sum())
                .isEqualTo(1);
    }

    @Test
    void suspectedSexualExploitationWarnsThatItsListIsMissing() {
        var result = assess(AgeGroup.ADULT, answers("LI01", YES), ExploitationForm.SEXUAL_EXPLOITATION);

        assertThat(result.cautions()).contains(Caution.SEXUAL_EXPLOITATION_LIST_MISSING);
        assertThat(assess(AgeGroup.ADULT, answers("LI01", YES), ExploitationForm.LABOUR_EXPLOITATION)
                        .cautions())
                .doesNotContain(Caution.SEXUAL_EXPLOITATION_LIST_MISSING);
    }
}
