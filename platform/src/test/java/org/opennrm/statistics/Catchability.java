package org.opennrm.statistics;

import java.util.List;

/** What the tests of the models of unequal catchability compute the same way, written out without the models' code. */
final class Catchability {

    private Catchability() {}

    /** The probability of each cell for a person whose catchability shifts every list's log-odds by {@code shift}. */
    static double[] given(double[] alpha, double shift, List<int[]> pairs, double[] gamma) {
        int cells = 1 << alpha.length;
        double[] weight = new double[cells];
        double sum = 0;
        for (int cell = 0; cell < cells; cell++) {
            double linear = 0;
            for (int j = 0; j < alpha.length; j++) {
                if ((cell >> j & 1) == 1) {
                    linear += alpha[j] + shift;
                }
            }
            for (int m = 0; m < pairs.size(); m++) {
                if ((cell >> pairs.get(m)[0] & 1) == 1 && (cell >> pairs.get(m)[1] & 1) == 1) {
                    linear += gamma[m];
                }
            }
            weight[cell] = Math.exp(linear);
            sum += weight[cell];
        }
        for (int cell = 0; cell < cells; cell++) {
            weight[cell] /= sum;
        }
        return weight;
    }
}
