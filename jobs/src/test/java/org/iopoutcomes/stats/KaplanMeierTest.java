package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checked against R's survival package on the {@code aml} data set (Miller 1981; survival's
 * {@code aml}, acute myelogenous leukaemia, weeks of remission; "+" marks a censored time):
 * <pre>
 *   Maintained:    9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
 *   Nonmaintained: 5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45
 * </pre>
 * Every expected survival, std.err, lower and upper below was printed by R 4.2.2 with survival 3.5-3
 * (Debian's r-base-core and r-cran-survival), to 12 decimals, from
 * <pre>
 *   fit &lt;- survfit(Surv(time, status) ~ x, data = aml, conf.type = "log-log")
 *   s &lt;- summary(fit); sprintf("%.12f", s$surv)   # likewise s$std.err, s$lower, s$upper
 *   quantile(fit, 0.5)                           # medians: Maintained 31, Nonmaintained 23
 * </pre>
 * The censored column is not summary()'s n.censor (which counts the censorings since the previous
 * event time) but fit$n.censor at the row's time: the censorings at exactly that time.
 *
 * <p>By hand, z = 1.959963984540054, k = z √V / |log S|, low = S^exp(k), high = S^exp(−k):
 * <pre>
 *   Maintained     9: n 11, d 1   S = 10/11 = 0.909091  V = 1/110           = 0.0090909
 *                     std.err = S √V = 0.086678; log S = −0.095310; k = 1.960706; low 0.508080, high 0.986674
 *                 13: n 10, d 1   S = 9/11  = 0.818182  V = 1/110 + 1/90    = 0.0202020
 *                     std.err = 0.116291; log S = −0.200671; k = 1.388230; low 0.447429, high 0.951162
 *                 18: n 8 (13 and 13+ left), d 1  S = 63/88 = 0.715909  V += 1/56 = 0.0380592
 *                     std.err = 0.139665; log S = −0.334202; k = 1.144112; low 0.350190, high 0.899024
 *   Nonmaintained  5: n 12, d 2   S = 10/12 = 0.833333  V = 2/120            = 0.0166667
 *                     std.err = 0.107583; log S = −0.182322; k = 1.387824; low 0.481715, high 0.955509
 *                  8: n 10, d 2   S = 2/3   = 0.666667  V += 2/80            = 0.0416667
 *                     std.err = 0.136083; log S = −0.405465; k = 0.986709; low 0.337019, high 0.859712
 *                 12: n 8, d 1    S = 7/12  = 0.583333  V += 1/56            = 0.0595238
 *                     std.err = 0.142319; log S = −0.538997; k = 0.887171; low 0.270139, high 0.800940
 * </pre>
 * These six rows were recomputed independently (a few lines of Python with the formulas above) and
 * agree with R's figures to all 10 printed decimals; {@link #firstThreeRowsByHand} checks the Java
 * against the closed forms S^exp(±k), not the double-exponential form the class uses.
 */
class KaplanMeierTest {

  private static final String MAINTAINED = "9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+";
  private static final String NONMAINTAINED = "5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45";

  @ParameterizedTest(name = "{0} day {1}")
  @CsvSource({
    "Maintained,     9, 11, 1, 0, 0.909090909091, 0.086678417204, 0.508080205770, 0.986673822668",
    "Maintained,    13, 10, 1, 1, 0.818181818182, 0.116291299830, 0.447428614682, 0.951162228582",
    "Maintained,    18,  8, 1, 0, 0.715909090909, 0.139664970557, 0.350190385908, 0.899023974191",
    "Maintained,    23,  7, 1, 0, 0.613636363636, 0.152632331027, 0.265752040001, 0.835299243250",
    "Maintained,    31,  5, 1, 0, 0.490909090909, 0.164193267221, 0.167330909777, 0.753399790371",
    "Maintained,    34,  4, 1, 0, 0.368181818182, 0.162668885827, 0.092829574937, 0.657040832398",
    "Maintained,    48,  2, 1, 0, 0.184090909091, 0.153492745786, 0.011738480123, 0.525014842727",
    "Nonmaintained,  5, 12, 2, 0, 0.833333333333, 0.107582870728, 0.481714942195, 0.955509365728",
    "Nonmaintained,  8, 10, 2, 0, 0.666666666667, 0.136082763488, 0.337018932541, 0.859711799084",
    "Nonmaintained, 12,  8, 1, 0, 0.583333333333, 0.142318760638, 0.270138924085, 0.800940192333",
    "Nonmaintained, 23,  6, 1, 0, 0.486111111111, 0.148130062553, 0.191876619619, 0.729671569779",
    "Nonmaintained, 27,  5, 1, 0, 0.388888888889, 0.146986183948, 0.126272012195, 0.649817408289",
    "Nonmaintained, 30,  4, 1, 0, 0.291666666667, 0.138715169135, 0.072401608908, 0.560886052671",
    "Nonmaintained, 33,  3, 1, 0, 0.194444444444, 0.121874505380, 0.031198642931, 0.461429476238",
    "Nonmaintained, 43,  2, 1, 0, 0.097222222222, 0.091866364968, 0.005746305696, 0.348903861111",
    "Nonmaintained, 45,  1, 1, 0, 0.000000000000,               ,               ,               "
  })
  void amlMatchesR(String group, int time, long atRisk, long events, long censored, double survival,
      Double stdErr, Double low, Double high) {
    KaplanMeier.Step step = stepAt(KaplanMeier.estimate(aml(group)), time);
    assertStep(new KaplanMeier.Step(time, atRisk, events, censored, survival, stdErr, low, high), step);
  }

  @Test
  void amlHasOneRowPerEventTime() {
    assertEquals(List.of(9, 13, 18, 23, 31, 34, 48), times(KaplanMeier.estimate(aml("Maintained"))));
    assertEquals(List.of(5, 8, 12, 23, 27, 30, 33, 43, 45), times(KaplanMeier.estimate(aml("Nonmaintained"))));
  }

  @ParameterizedTest(name = "{0}: median {1}")
  @CsvSource({"Maintained, 31", "Nonmaintained, 23"})
  void amlMediansMatchR(String group, double median) {
    List<KaplanMeier.TimeCounts> counts = aml(group);
    List<KaplanMeier.Step> steps = KaplanMeier.estimate(counts);
    assertEquals(median, KaplanMeier.median(steps, KaplanMeier.lastObservedTime(counts)), "median");
    assertEquals(median, KaplanMeier.median(steps), "median without the last observed time");
  }

  @ParameterizedTest(name = "{0} day {1}: S = {2}/{3}")
  @CsvSource({
    "Maintained,     9, 10,  11, 0.00909090909090909",
    "Maintained,    13,  9,  11, 0.02020202020202020",
    "Maintained,    18, 63,  88, 0.03805916305916306",
    "Nonmaintained,  5, 10,  12, 0.01666666666666667",
    "Nonmaintained,  8,  2,   3, 0.04166666666666667",
    "Nonmaintained, 12,  7,  12, 0.05952380952380952"
  })
  void firstThreeRowsByHand(String group, int time, double numerator, double denominator, double greenwood) {
    double survival = numerator / denominator;
    double k = WilsonInterval.Z_95 * Math.sqrt(greenwood) / Math.abs(Math.log(survival));
    KaplanMeier.Step step = stepAt(KaplanMeier.estimate(aml(group)), time);
    assertEquals(survival, step.survival(), 1e-12, "survival");
    assertEquals(survival * Math.sqrt(greenwood), step.stdErr(), 1e-12, "std err");
    assertEquals(Math.pow(survival, Math.exp(k)), step.ciLow(), 1e-12, "lower bound");
    assertEquals(Math.pow(survival, Math.exp(-k)), step.ciHigh(), 1e-12, "upper bound");
  }

  /**
   * Times 2, 2, 2+, 3, 4+, 5, 7+: day 2 has both events and a censoring, day 4 only a censoring
   * (no row, but day 5's risk set is smaller). R (as above, ~ 1): survival 5/7, 15/28, 15/56.
   */
  @ParameterizedTest(name = "day {0}")
  @CsvSource({
    "2, 7, 2, 1, 0.714285714286, 0.170746944191, 0.258153665459, 0.919797456045",
    "3, 4, 1, 0, 0.535714285714, 0.200786536491, 0.131988176963, 0.824997042040",
    "5, 2, 1, 0, 0.267857142857, 0.214365418850, 0.013124793079, 0.670013466821"
  })
  void eventsAndCensoringsOnTheSameDay(int time, long atRisk, long events, long censored, double survival,
      double stdErr, double low, double high) {
    List<KaplanMeier.Step> steps = KaplanMeier.estimate(counts("2, 2, 2+, 3, 4+, 5, 7+"));
    assertEquals(List.of(2, 3, 5), times(steps));
    assertStep(new KaplanMeier.Step(time, atRisk, events, censored, survival, stdErr, low, high),
        stepAt(steps, time));
    assertEquals(5.0, KaplanMeier.median(steps), "median (R: 5)");
  }

  @Test
  void noEventsNoRowsNoMedian() {
    List<KaplanMeier.Step> steps = KaplanMeier.estimate(counts("2+, 4+"));
    assertTrue(steps.isEmpty(), "no rows");
    assertNull(KaplanMeier.median(steps));
    assertNull(KaplanMeier.median(steps, 4));
    assertTrue(KaplanMeier.estimate(List.of()).isEmpty(), "no counts, no rows");
    assertNull(KaplanMeier.lastObservedTime(List.of()), "no counts, no last time");
    assertNull(KaplanMeier.median(List.of(), KaplanMeier.lastObservedTime(List.of())), "no counts, no median");
  }

  /** Times 3, 3, 3: R gives survival 0, std.err NaN, bounds NA, median 3. */
  @Test
  void allEventsAtOneTime() {
    List<KaplanMeier.Step> steps = KaplanMeier.estimate(counts("3, 3, 3"));
    assertEquals(1, steps.size());
    assertStep(new KaplanMeier.Step(3, 3, 3, 0, 0.0, null, null, null), steps.get(0));
    assertEquals(3.0, KaplanMeier.median(steps));
  }

  /**
   * Medians where the curve is exactly ½, from R's quantile(fit, 0.5) on each set of times:
   * 1, 2, 3, 4 → 2.5 (midpoint to the next event); 1, 2 → 1.5; 1, 2, 5+, 6+ → 4 (the flat at ½ runs to
   * the last observed time, 6); 1, 2+, 2+ → NA (S stays at ⅔).
   */
  @ParameterizedTest(name = "{0}: median {1}")
  @CsvSource(delimiter = ';', value = {"1, 2, 3, 4; 2.5", "1, 2; 1.5", "1, 2, 5+, 6+; 4", "1, 2+, 2+;"})
  void medianAtExactlyOneHalfAsR(String times, Double median) {
    List<KaplanMeier.TimeCounts> counts = counts(times);
    assertEquals(median, KaplanMeier.median(KaplanMeier.estimate(counts), KaplanMeier.lastObservedTime(counts)));
  }

  /** Without the last observed time, a flat at ½ after the last event ends at that event: 1, 2, 5+, 6+ → 2. */
  @Test
  void medianWithoutLastObservedTimeEndsTheFlatAtTheLastEvent() {
    assertEquals(2.0, KaplanMeier.median(KaplanMeier.estimate(counts("1, 2, 5+, 6+"))));
  }

  /** R, times 1, 2, 3, 4: day 2 has S = 0.5, std.err 0.25, log-log 0.057847082995 to 0.844861281190. */
  @Test
  void oneHalfRowMatchesR() {
    KaplanMeier.Step step = stepAt(KaplanMeier.estimate(counts("1, 2, 3, 4")), 2);
    assertStep(new KaplanMeier.Step(2, 3, 1, 0, 0.5, 0.25, 0.057847082995, 0.844861281190), step);
  }

  @Test
  void orderOfCountsDoesNotMatterAndRepeatedTimesAddUp() {
    List<KaplanMeier.TimeCounts> shuffled = List.of(
        new KaplanMeier.TimeCounts(7, 0, 1), new KaplanMeier.TimeCounts(2, 1, 0),
        new KaplanMeier.TimeCounts(5, 1, 0), new KaplanMeier.TimeCounts(3, 1, 0),
        new KaplanMeier.TimeCounts(2, 1, 1), new KaplanMeier.TimeCounts(4, 0, 1));
    assertEquals(KaplanMeier.estimate(counts("2, 2, 2+, 3, 4+, 5, 7+")), KaplanMeier.estimate(shuffled));
  }

  @Test
  void refusesNegativeCounts() {
    assertThrows(IllegalArgumentException.class,
        () -> KaplanMeier.estimate(List.of(new KaplanMeier.TimeCounts(1, -1, 0))));
  }

  private static void assertStep(KaplanMeier.Step expected, KaplanMeier.Step actual) {
    String day = "day " + expected.time() + ": ";
    assertEquals(expected.time(), actual.time(), day + "time");
    assertEquals(expected.atRisk(), actual.atRisk(), day + "at risk");
    assertEquals(expected.events(), actual.events(), day + "events");
    assertEquals(expected.censored(), actual.censored(), day + "censored at exactly this time");
    assertEquals(expected.survival(), actual.survival(), 5e-12, day + "survival");
    assertClose(expected.stdErr(), actual.stdErr(), day + "std err");
    assertClose(expected.ciLow(), actual.ciLow(), day + "lower bound");
    assertClose(expected.ciHigh(), actual.ciHigh(), day + "upper bound");
  }

  /** R's figures are printed to 12 decimals: agree to within rounding of the 12th. */
  private static void assertClose(Double expected, Double actual, String what) {
    if (expected == null) {
      assertNull(actual, what + " should be null");
    } else {
      assertEquals(expected, actual, 5e-12, what);
    }
  }

  private static KaplanMeier.Step stepAt(List<KaplanMeier.Step> steps, int time) {
    return steps.stream().filter(s -> s.time() == time).findFirst()
        .orElseThrow(() -> new AssertionError("no row for day " + time + " in " + times(steps)));
  }

  private static List<Integer> times(List<KaplanMeier.Step> steps) {
    return steps.stream().map(KaplanMeier.Step::time).toList();
  }

  private static List<KaplanMeier.TimeCounts> aml(String group) {
    return counts(group.equals("Maintained") ? MAINTAINED : NONMAINTAINED);
  }

  /** "9, 13, 13+" → one TimeCounts per observation: an event, or a censoring where "+" follows. */
  private static List<KaplanMeier.TimeCounts> counts(String times) {
    List<KaplanMeier.TimeCounts> counts = new ArrayList<>();
    for (String t : times.split(",")) {
      String time = t.trim();
      boolean censored = time.endsWith("+");
      int day = Integer.parseInt(censored ? time.substring(0, time.length() - 1) : time);
      counts.add(new KaplanMeier.TimeCounts(day, censored ? 0 : 1, censored ? 1 : 0));
    }
    return counts;
  }
}
