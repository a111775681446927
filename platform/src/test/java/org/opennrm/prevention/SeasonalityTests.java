package org.opennrm.prevention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * Monthly series with seasons are refused with the reason (the detector would flag the seasons); monthly series
 * without seasons, short ones and quarterly ones go through. Rates over simulated Poisson series, seed fixed.
 */
class SeasonalityTests {

    static final int RUNS = 300;

    static Series monthly(RandomDataGenerator random, int months, IntToDoubleFunction mean) {
        double[] values = new double[months];
        for (int i = 0; i < months; i++) {
            values[i] = random.nextPoisson(mean.applyAsDouble(i));
        }
        return new Series(Period.parse("2019-01"), values);
    }

    @Test
    void strongSeasonsAreFoundAndNoiseIsNot() {
        var random = new RandomDataGenerator(20261206L);
        int seasonalFound = 0;
        int noiseFound = 0;
        int growthFound = 0;
        for (int run = 0; run < RUNS; run++) {
            // 30% above and below the mean with the months of the year, around 100 a month, four years
            if (Seasonality.of(monthly(random, 48, i -> 100 * (1 + 0.3 * Math.sin(2 * Math.PI * i / 12))))
                    .isPresent()) {
                seasonalFound++;
            }
            if (Seasonality.of(monthly(random, 48, i -> 100)).isPresent()) {
                noiseFound++;
            }
            if (Seasonality.of(monthly(random, 48, i -> 40 * Math.pow(1.02, i))).isPresent()) {
                growthFound++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "seasonality: found in %d/%d seasonal series, %d/%d Poisson(100), %d/%d growing 2%% a month%n",
                seasonalFound,
                RUNS,
                noiseFound,
                RUNS,
                growthFound,
                RUNS);
        assertThat(seasonalFound).isGreaterThanOrEqualTo(RUNS * 99 / 100);
        assertThat(noiseFound).isLessThanOrEqualTo(RUNS / 100);
        assertThat(growthFound).isLessThanOrEqualTo(RUNS / 100);
    }

    @Test
    void quarterlyAndShortMonthlySeriesAreNotChecked() {
        var random = new RandomDataGenerator(7L);
        assertThat(Seasonality.of(monthly(random, 23, i -> 100 * (1 + 0.5 * Math.sin(2 * Math.PI * i / 12)))))
                .isEmpty();
        double[] quarters = new double[40];
        for (int q = 0; q < quarters.length; q++) {
            quarters[q] = q % 4 == 0 ? 50 : 150;
        }
        assertThat(Seasonality.of(new Series(Period.parse("2014-Q1"), quarters)))
                .isEmpty();
    }

    @Test
    void theEarlyWarningRefusesASeasonalMonthlySeriesWithTheReason() {
        var random = new RandomDataGenerator(11L);
        Series seasonal = monthly(random, 48, i -> 200 * (1 + 0.4 * Math.cos(2 * Math.PI * i / 12)));
        var csv = new StringBuilder("period,value\n");
        for (int i = 0; i < seasonal.length(); i++) {
            csv.append(seasonal.period(i))
                    .append(',')
                    .append((long) seasonal.value(i))
                    .append('\n');
        }
        assertThatThrownBy(() -> new EarlyWarnings().check(csv.toString()))
                .isInstanceOf(SeriesSeasonal.class)
                .hasMessageContaining("has seasons")
                .hasMessageContaining("quarterly totals");
    }
}
