package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recommended row: the span of the latent-class and Rasch-type intervals when both give a number, the one that
 * does when only one does, AIC's log-linear model when neither does; and the warnings that go with each.
 */
class HiddenNumberComparisonTests {

    /** Western: five lists, 345 people seen, enough overlaps for an estimate. */
    private final ListOverlapTable table = MseFixtures.table("Western");

    @Test
    void whenBothModelsThatAllowUnequalRecordingGiveANumberTheIntervalSpansThem() {
        var comparison = HiddenNumberComparison.of(
                table, logLinear(model(1_500, 1_100, 2_100.0)), null, latent(1_700, 1_300, 2_600));

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        assertThat(comparison.reason()).isEqualTo(HiddenNumberComparison.Reason.MODEL_UNCERTAINTY);
        var chosen = comparison.recommendedRow();
        assertThat(chosen.totalLower()).isEqualTo(1_100.0);
        assertThat(chosen.totalUpper()).isEqualTo(2_600.0);
        assertThat(chosen.total()).isCloseTo(Math.sqrt(1_500.0 * 1_700.0), within(1e-9));
        assertThat(comparison.rows().getFirst().choice()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        assertThat(comparison.rows())
                .extracting(HiddenNumberComparison.Row::choice)
                .contains(HiddenNumberComparison.Choice.LATENT_CLASS, HiddenNumberComparison.Choice.RASCH_AIC)
                // AIC added nothing to the Rasch-type model here: the same model is not shown twice
                .doesNotContain(HiddenNumberComparison.Choice.RASCH);
        // 2,600 / 1,100 > 2
        assertThat(kinds(comparison)).contains(HiddenNumberComparison.Warning.Kind.WIDE_INTERVAL);
        assertThat(kinds(comparison)).doesNotContain(HiddenNumberComparison.Warning.Kind.MODELS_DISAGREE);
    }

    @Test
    void theLogitNormalModelJoinsTheSpan() {
        var comparison = HiddenNumberComparison.of(
                table,
                logLinear(model(1_500, 1_100, 2_100.0), logitNormal(2_000, 1_600, 3_000.0)),
                null,
                latent(1_700, 1_300, 2_600));

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        var chosen = comparison.recommendedRow();
        assertThat(chosen.totalLower()).isEqualTo(1_100.0);
        assertThat(chosen.totalUpper()).isEqualTo(3_000.0);
        assertThat(chosen.total()).isCloseTo(Math.cbrt(1_500.0 * 1_700.0 * 2_000.0), within(1e-6));
        assertThat(comparison.rows())
                .extracting(HiddenNumberComparison.Row::choice)
                .containsSubsequence(
                        HiddenNumberComparison.Choice.SPAN,
                        HiddenNumberComparison.Choice.LATENT_CLASS,
                        HiddenNumberComparison.Choice.LOGIT_NORMAL,
                        HiddenNumberComparison.Choice.RASCH_AIC);
        assertThat(kinds(comparison)).doesNotContain(HiddenNumberComparison.Warning.Kind.MODELS_DISAGREE);
    }

    @Test
    void aBoundedTwoClassModelJoinsTheSpan() {
        var comparison = HiddenNumberComparison.of(
                table,
                logLinear(
                        model(1_500, 1_100, 2_100.0),
                        logitNormal(2_000, 1_600, 3_000.0),
                        twoClasses(2_500, 1_900, 4_200.0)),
                null,
                latent(1_700, 1_300, 2_600));

        var chosen = comparison.recommendedRow();
        assertThat(chosen.totalLower()).isEqualTo(1_100.0);
        assertThat(chosen.totalUpper()).isEqualTo(4_200.0);
        assertThat(chosen.total()).isCloseTo(Math.pow(1_500.0 * 1_700.0 * 2_000.0 * 2_500.0, 0.25), within(1e-6));
        assertThat(chosen.model()).contains("two classes");
        assertThat(comparison.rows())
                .extracting(HiddenNumberComparison.Row::choice)
                .containsSubsequence(
                        HiddenNumberComparison.Choice.SPAN,
                        HiddenNumberComparison.Choice.LOGIT_NORMAL,
                        HiddenNumberComparison.Choice.TWO_CLASSES,
                        HiddenNumberComparison.Choice.RASCH_AIC);
        assertThat(kinds(comparison)).doesNotContain(HiddenNumberComparison.Warning.Kind.HIDDEN_GROUP);
    }

    @Test
    void aTwoClassModelWithAnOpenUpperLimitThatFitsWorseIsShownWithAWarningButLeftOutOfTheSpan() {
        // AIC 100 for the Rasch-type and logit-normal rows, 104 for the two-class row
        var comparison = HiddenNumberComparison.of(
                table,
                logLinear(
                        model(1_500, 1_100, 2_100.0),
                        logitNormal(2_000, 1_600, 3_000.0),
                        twoClasses(2_500, 1_000, null, 104.0)),
                null,
                latent(1_700, 1_300, 2_600));

        var chosen = comparison.recommendedRow();
        assertThat(comparison.hiddenGroupFitsBest()).isFalse();
        assertThat(comparison.spanned())
                .extracting(HiddenNumberComparison.Row::choice)
                .doesNotContain(HiddenNumberComparison.Choice.TWO_CLASSES);
        // neither its open upper limit nor its lower limit of 1,000 moves the span
        assertThat(chosen.totalLower()).isEqualTo(1_100.0);
        assertThat(chosen.totalUpper()).isEqualTo(3_000.0);
        assertThat(comparison.rows())
                .extracting(HiddenNumberComparison.Row::choice)
                .contains(HiddenNumberComparison.Choice.TWO_CLASSES);
        assertThat(warning(comparison, HiddenNumberComparison.Warning.Kind.HIDDEN_GROUP_LEFT_OUT)
                        .value())
                .isEqualTo(1_000.0);
        assertThat(kinds(comparison))
                .doesNotContain(
                        HiddenNumberComparison.Warning.Kind.OPEN_INTERVAL,
                        HiddenNumberComparison.Warning.Kind.HIDDEN_GROUP);
    }

    @Test
    void aTwoClassModelWithAnOpenUpperLimitThatFitsBestOpensTheSpan() {
        var comparison = HiddenNumberComparison.of(
                table,
                logLinear(
                        model(1_500, 1_100, 2_100.0),
                        logitNormal(2_000, 1_600, 3_000.0),
                        twoClasses(2_500, 1_400, null, 96.0)),
                null,
                latent(1_700, 1_300, 2_600));

        var chosen = comparison.recommendedRow();
        assertThat(comparison.hiddenGroupFitsBest()).isTrue();
        assertThat(chosen.totalLower()).isEqualTo(1_100.0);
        assertThat(chosen.totalUpper()).isNull();
        // the least number there is: the span's lower limit, as the recommended row says
        assertThat(warning(comparison, HiddenNumberComparison.Warning.Kind.HIDDEN_GROUP)
                        .value())
                .isEqualTo(1_100.0);
        // the warning about the hidden group says why it is open; the general one is not repeated
        assertThat(kinds(comparison))
                .doesNotContain(
                        HiddenNumberComparison.Warning.Kind.OPEN_INTERVAL,
                        HiddenNumberComparison.Warning.Kind.HIDDEN_GROUP_LEFT_OUT);
    }

    @Test
    void aTwoClassModelThatFitsOnlyAsWellAsAnotherDoesNotOpenTheSpan() {
        var comparison = HiddenNumberComparison.of(
                table,
                logLinear(model(1_500, 1_100, 2_100.0), null, twoClasses(2_500, 1_400, null, 100.0)),
                null,
                latent(1_700, 1_300, 2_600));

        assertThat(comparison.hiddenGroupFitsBest()).isFalse();
        assertThat(comparison.recommendedRow().totalUpper()).isEqualTo(2_600.0);
    }

    @Test
    void withUnboundedLatentClassDrawsTheLogitNormalAndRaschTypeModelsAreSpanned() {
        var unbounded = new LatentClassEstimate(345, 5_000, 400, 400_000, 150, 3, true, 10, 100, 100, 1, 1, 0.1);
        var comparison = HiddenNumberComparison.of(
                table, logLinear(model(1_500, 1_100, 2_100.0), logitNormal(2_400, 2_200, 2_700.0)), null, unbounded);

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        assertThat(comparison.recommendedRow().totalLower()).isEqualTo(1_100.0);
        assertThat(comparison.recommendedRow().totalUpper()).isEqualTo(2_700.0);
        assertThat(comparison.recommendedRow().total()).isCloseTo(Math.sqrt(1_500.0 * 2_400.0), within(1e-6));
        // 2,100 < 2,200: the two intervals do not overlap
        assertThat(kinds(comparison)).contains(HiddenNumberComparison.Warning.Kind.MODELS_DISAGREE);
    }

    @Test
    void anOpenLogitNormalUpperLimitAloneIsNotRecommended() {
        var unbounded = new LatentClassEstimate(345, 5_000, 400, 400_000, 150, 3, true, 10, 100, 100, 1, 1, 0.1);
        var comparison = HiddenNumberComparison.of(
                table, logLinear(model(1_500, 1_100, null), logitNormal(2_400, 1_900, null)), null, unbounded);

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.BEST_AIC);
        assertThat(comparison.reason()).isEqualTo(HiddenNumberComparison.Reason.LATENT_CLASS_UNRELIABLE);
    }

    @Test
    void modelsWhoseIntervalsDoNotOverlapAreSpannedWithAWarning() {
        var comparison = HiddenNumberComparison.of(
                table, logLinear(model(1_000, 900, 1_100.0)), null, latent(1_500, 1_300, 1_700));

        assertThat(comparison.recommendedRow().totalLower()).isEqualTo(900.0);
        assertThat(comparison.recommendedRow().totalUpper()).isEqualTo(1_700.0);
        assertThat(kinds(comparison)).contains(HiddenNumberComparison.Warning.Kind.MODELS_DISAGREE);
    }

    @Test
    void anOpenRaschUpperLimitLeavesTheSpanOpen() {
        var comparison = HiddenNumberComparison.of(
                table, logLinear(model(1_500, 1_100, null)), null, latent(1_700, 1_300, 2_600));

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        assertThat(comparison.recommendedRow().totalUpper()).isNull();
        assertThat(kinds(comparison)).contains(HiddenNumberComparison.Warning.Kind.OPEN_INTERVAL);
    }

    @Test
    void whenTheLatentClassDrawsAreUnboundedTheRaschTypeModelIsRecommended() {
        var unbounded = new LatentClassEstimate(345, 5_000, 400, 400_000, 150, 3, true, 10, 100, 100, 1, 1, 0.1);
        var comparison = HiddenNumberComparison.of(table, logLinear(model(1_500, 1_100, 2_100.0)), null, unbounded);

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.RASCH_AIC);
        assertThat(comparison.reason()).isEqualTo(HiddenNumberComparison.Reason.HETEROGENEITY);
        assertThat(comparison.recommendedRow().totalUpper()).isEqualTo(2_100.0);
    }

    @Test
    void whenNeitherGivesABoundedNumberAicsLogLinearModelIsShownFirst() {
        var unbounded = new LatentClassEstimate(345, 5_000, 400, 400_000, 150, 3, true, 10, 100, 100, 1, 1, 0.1);
        var comparison = HiddenNumberComparison.of(table, logLinear(model(1_500, 1_100, null)), null, unbounded);

        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.BEST_AIC);
        assertThat(comparison.reason()).isEqualTo(HiddenNumberComparison.Reason.LATENT_CLASS_UNRELIABLE);
    }

    @Test
    void theRealModelsOnAPublishedTableGiveASpanThatHoldsEachInterval() {
        var logLinear = new MultipleSystemsEstimation().estimateWithHeterogeneity(table, () -> false);
        var latent = new LatentClassModel(table, new LatentClassModel.Settings(10, 2_000, 1_000, 5, 42))
                .fit(LatentClassModel.Monitor.NONE);

        var comparison = HiddenNumberComparison.of(table, logLinear, null, latent);

        var chosen = comparison.recommendedRow();
        var spanned = comparison.spanned();
        assertThat(spanned)
                .extracting(HiddenNumberComparison.Row::choice)
                .contains(HiddenNumberComparison.Choice.LOGIT_NORMAL, HiddenNumberComparison.Choice.RASCH_AIC);
        assertThat(spanned.stream().anyMatch(row -> row.choice() == HiddenNumberComparison.Choice.LATENT_CLASS))
                .isEqualTo(!latent.unbounded());
        var twoClasses = comparison.row(HiddenNumberComparison.Choice.TWO_CLASSES);
        assertThat(twoClasses).as("the two-class model is fitted on Western").isNotNull();
        assertThat(spanned.contains(twoClasses))
                .isEqualTo(twoClasses.totalUpper() != null || comparison.hiddenGroupFitsBest());
        assertThat(comparison.recommended()).isEqualTo(HiddenNumberComparison.Choice.SPAN);
        for (var row : spanned) {
            assertThat(chosen.totalLower()).isLessThanOrEqualTo(row.totalLower());
            if (chosen.totalUpper() != null) {
                assertThat(chosen.totalUpper()).isGreaterThanOrEqualTo(row.totalUpper());
            }
        }
        assertThat(chosen.totalLower())
                .isEqualTo(spanned.stream()
                        .mapToDouble(HiddenNumberComparison.Row::totalLower)
                        .min()
                        .orElseThrow());
        assertThat(chosen.totalLower()).isLessThanOrEqualTo(chosen.total());
    }

    private static HiddenNumberComparison.Warning warning(
            HiddenNumberComparison comparison, HiddenNumberComparison.Warning.Kind kind) {
        return comparison.warnings().stream()
                .filter(w -> w.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no warning " + kind + " in " + comparison.warnings()));
    }

    private static List<HiddenNumberComparison.Warning.Kind> kinds(HiddenNumberComparison comparison) {
        return comparison.warnings().stream()
                .map(HiddenNumberComparison.Warning::kind)
                .toList();
    }

    private static LatentClassEstimate latent(double total, double lower, double upper) {
        return new LatentClassEstimate(345, total, lower, upper, 150, 3, false, 10, 100, 100, 1, 1, 0.1);
    }

    /** A Rasch-type row with these totals (people seen 345). */
    private static ModelEstimate model(double total, double lower, Double upper) {
        return new ModelEstimate(
                "main effects + heterogeneity (Rasch)",
                List.of(),
                FitStatus.FITTED,
                null,
                10.0,
                9,
                100.0,
                110.0,
                total - 345,
                total,
                lower - 345,
                upper == null ? null : upper - 345,
                lower,
                upper,
                true);
    }

    /** A logit-normal row with these totals (people seen 345). */
    private static ModelEstimate logitNormal(double total, double lower, Double upper) {
        return renamed("main effects + heterogeneity (logit-normal)", model(total, lower, upper));
    }

    /** A two-class row with these totals (people seen 345) and the same AIC (100) as the others. */
    private static ModelEstimate twoClasses(double total, double lower, Double upper) {
        return twoClasses(total, lower, upper, 100.0);
    }

    private static ModelEstimate twoClasses(double total, double lower, Double upper, double aic) {
        return renamed("main effects + heterogeneity (two classes)", model(total, lower, upper), aic);
    }

    private static ModelEstimate renamed(String name, ModelEstimate row) {
        return renamed(name, row, row.aic());
    }

    private static ModelEstimate renamed(String name, ModelEstimate row, double aic) {
        return new ModelEstimate(
                name,
                List.of(),
                row.status(),
                row.problem(),
                row.deviance(),
                row.df(),
                aic,
                row.bic(),
                row.hidden(),
                row.total(),
                row.hiddenLower(),
                row.hiddenUpper(),
                row.totalLower(),
                row.totalUpper(),
                true);
    }

    private static MseEstimate logLinear(ModelEstimate rasch) {
        return logLinear(rasch, null, null);
    }

    private static MseEstimate logLinear(ModelEstimate rasch, ModelEstimate logitNormal) {
        return logLinear(rasch, logitNormal, null);
    }

    /**
     * Main effects and AIC's choice at 1,000 (950 to 1,060); the Rasch-type, logit-normal and two-class rows as given.
     */
    private static MseEstimate logLinear(ModelEstimate rasch, ModelEstimate logitNormal, ModelEstimate twoClasses) {
        var plain = new ModelEstimate(
                "main effects",
                List.of(),
                FitStatus.FITTED,
                null,
                40.0,
                25,
                200.0,
                220.0,
                655.0,
                1_000.0,
                605.0,
                715.0,
                950.0,
                1_060.0,
                false);
        return new MseEstimate(
                List.of("A", "B", "C", "D", "E"),
                345,
                31,
                MultipleSystemsEstimation.SELECTION,
                MultipleSystemsEstimation.INTERVAL,
                "BIC",
                plain,
                plain,
                plain,
                List.of(plain, rasch),
                rasch,
                rasch,
                logitNormal,
                twoClasses);
    }
}
