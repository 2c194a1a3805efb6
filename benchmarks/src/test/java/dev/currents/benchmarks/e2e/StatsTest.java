package dev.currents.benchmarks.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The only test of this module, and a fast one: the arithmetic behind the comparison's tables. */
class StatsTest {

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, Stats.median(List.of(5, 1, 3)));
    assertEquals(2.5, Stats.median(List.of(4, 1, 3, 2)));
  }

  @Test
  void spreadAndAddedPercent() {
    assertEquals(20.0, Stats.spreadPercent(List.of(9.0, 10.0, 11.0)), 1e-9);
    assertEquals(1.5, Stats.addedPercent(101.5, 100.0), 1e-9);
  }

  @Test
  void percentilesInterpolate() {
    assertEquals(1.0, Stats.percentile(List.of(4.0, 1.0, 3.0, 2.0, 5.0), 0), 1e-9);
    assertEquals(2.0, Stats.percentile(List.of(4.0, 1.0, 3.0, 2.0, 5.0), 25), 1e-9);
    assertEquals(4.5, Stats.percentile(List.of(4.0, 1.0, 3.0, 2.0, 5.0), 87.5), 1e-9);
  }

  @Test
  void confidenceIntervalOfTheMean() {
    assertEquals(2.5, Stats.mean(List.of(1.0, 2.0, 3.0, 4.0)), 1e-9);
    // sample standard deviation 1.2910, n = 4: 1.96 * 1.2910 / 2
    assertEquals(1.2652, Stats.ci95HalfWidth(List.of(1.0, 2.0, 3.0, 4.0)), 1e-4);
  }

  @Test
  void rotationStartsEachRoundElsewhere() {
    assertEquals(List.of("b", "c", "a"), E2eComparison.rotated(List.of("a", "b", "c"), 1));
    assertEquals(List.of("a", "b", "c"), E2eComparison.rotated(List.of("a", "b", "c"), 3));
  }
}
