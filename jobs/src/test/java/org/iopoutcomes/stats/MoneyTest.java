package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money rounded half-up to cents: exact ratios of totals, and doubles from their shortest decimal form. */
class MoneyTest {

  @Test
  void aRatioOfTotalsIsDividedExactlyThenRoundedHalfUp() {
    assertEquals(new BigDecimal("100.01"), Money.per(new BigDecimal("600.03"), 6), "100.005 rounds up");
    assertEquals(new BigDecimal("150.01"), Money.per(new BigDecimal("600.03"), 4), "150.0075");
    assertEquals(new BigDecimal("-0.02"), Money.per(new BigDecimal("-0.03"), 2), "-0.015 rounds away from zero");
    assertNull(Money.per(new BigDecimal("10.00"), 0), "nothing to divide by");
  }

  @Test
  void aDoubleIsRoundedFromItsShortestDecimalForm() {
    assertEquals(new BigDecimal("0.13"), Money.centsOf(0.125));
    // 1.005 is stored as 1.00499999999999989...; its shortest form 1.005 rounds up, as a reader expects.
    assertEquals(new BigDecimal("1.01"), Money.centsOf(1.005));
    assertEquals(-13499.93, Money.cents(-13499.925));
    assertNull(Money.cents((Double) null));
    assertNull(Money.cents(Double.NaN));
    assertNull(Money.cents(Double.POSITIVE_INFINITY));
  }

  @Test
  void intervalBoundsAreRoundedAndANotANumberBoundStays() {
    assertArrayEquals(new double[] {1.13, Double.NaN}, Money.cents(new double[] {1.125, Double.NaN}));
    assertNull(Money.cents((double[]) null));
  }
}
