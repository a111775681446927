package org.opennrm.prevention.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The risk model: its refusals, its explanations, and the backtest on an inspectorate with a planted structure. */
class RiskModelTests {

    @Test
    void aHistoryWithFindingsOfOneKindOnlyIsRefusedWithItsReason() {
        var register = new ArrayList<Workplace>();
        var inspections = new ArrayList<Inspection>();
        for (int i = 0; i < 200; i++) {
            register.add(new Workplace("W" + i, "F", "North Region", 5));
            inspections.add(new Inspection("W" + i, LocalDate.of(2024, 3, 1), false, 0, false));
        }
        assertThatThrownBy(() -> RiskModel.train(register, inspections, 2025))
                .isInstanceOfSatisfying(CannotTrain.class, e -> {
                    assertThat(e.key()).isEqualTo("inspection.model.oneClass");
                    assertThat(e.inspections()).isEqualTo(200);
                    assertThat(e.violations()).isZero();
                });
    }

    @Test
    void tooShortAHistoryIsRefused() {
        var register = List.of(new Workplace("W1", "F", "North Region", 5), new Workplace("W2", "A", "South", 3));
        var inspections = List.of(
                new Inspection("W1", LocalDate.of(2024, 3, 1), true, 0, false),
                new Inspection("W2", LocalDate.of(2024, 4, 1), false, 0, false));
        assertThatThrownBy(() -> RiskModel.train(register, inspections, 2025))
                .isInstanceOfSatisfying(
                        CannotTrain.class, e -> assertThat(e.key()).isEqualTo("inspection.model.tooFew"));
    }

    @Test
    void inspectionsOnOrAfterTheCutOffAreNotLearnedFrom() {
        var world = new SyntheticInspectorate(7, 2_000, 2021, 3, 300, 0.1);
        RiskModel model = RiskModel.train(world.register, world.inspections, 2022);
        assertThat(model.trainedOn()).isEqualTo(300);
    }

    @Test
    void everyRankCarriesFactorsThatAddUpToItsScore() {
        var world = new SyntheticInspectorate(11, 3_000, 2021, 4, 400, 0.1);
        RiskModel model = RiskModel.train(world.register, world.inspections, 2025);
        List<Ranked> ranked = model.rank(world.register, world.inspections);
        assertThat(ranked).hasSize(3_000);
        double previous = 1;
        for (Ranked r : ranked) {
            assertThat(r.factors()).isNotEmpty();
            assertThat(r.factors()).anyMatch(f -> f.key().equals("inspection.factor.base"));
            assertThat(r.factors()).anyMatch(f -> f.key().equals("inspection.factor.sector"));
            double logOdds =
                    r.factors().stream().mapToDouble(Factor::contribution).sum();
            assertThat(1 / (1 + Math.exp(-logOdds))).isCloseTo(r.probability(), within(1e-9));
            assertThat(r.probability()).isLessThanOrEqualTo(previous);
            previous = r.probability();
        }
        assertThat(ranked.get(0).rank()).isEqualTo(1);
    }

    @Test
    void theModelLearnsAPlantedRiskAndBeatsRandomAndLastYearsViolatorsInTheBacktest() {
        // a planted structure the model can see: construction in the Coast Region and past violators are risky
        var random = new Random(5);
        var register = new ArrayList<Workplace>();
        var inspections = new ArrayList<Inspection>();
        boolean[] risky = new boolean[4_000];
        for (int w = 0; w < 4_000; w++) {
            String sector = random.nextBoolean() ? "F" : "G";
            String region = random.nextBoolean() ? "Coast Region" : "East Region";
            register.add(new Workplace("W" + w, sector, region, 1 + random.nextInt(50)));
            risky[w] = sector.equals("F") && region.equals("Coast Region");
        }
        for (int year = 2021; year <= 2024; year++) {
            for (int n = 0; n < 800; n++) {
                int w = random.nextInt(4_000);
                double p = risky[w] ? 0.6 : 0.1;
                inspections.add(new Inspection(
                        "W" + w, LocalDate.of(year, 1, 1).plusDays(n % 360), random.nextDouble() < p, 0, true));
            }
        }
        // several inspections of one workplace on one day would not be imported; here they only add rows
        var years = Backtest.run(register, inspections, 400);
        assertThat(years).extracting(Backtest.Year::year).containsExactly(2022, 2023, 2024);
        for (var year : years) {
            assertThat(year.trained()).isTrue();
            assertThat(year.modelRandomShare().precision()).isGreaterThan(0.45);
            assertThat(year.randomRandomShare().precision()).isLessThan(0.3);
            assertThat(year.modelRandomShare().precision())
                    .isGreaterThan(year.lastYearRandomShare().precision());
        }
    }

    @Test
    void onTheSyntheticInspectorateTheModelDoublesRandomChoiceAgainstTheHiddenTruth() {
        var world = new SyntheticInspectorate(2026, 8_000, 2021, 4, 800, 0.1);
        double model = 0;
        double random = 0;
        for (int year = 2022; year <= 2024; year++) {
            final int y = year;
            var before =
                    world.inspections.stream().filter(i -> i.on().getYear() < y).toList();
            var top = RiskModel.train(world.register, before, year).rank(world.register, before).stream()
                    .limit(400)
                    .map(r -> r.workplace().reference())
                    .toList();
            model += world.truePrecision(top, year);
            random += world.truth.get(year).size() / 8_000.0;
        }
        assertThat(model / random).isGreaterThan(2.0);
    }
}
