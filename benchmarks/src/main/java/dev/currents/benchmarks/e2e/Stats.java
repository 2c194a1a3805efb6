package dev.currents.benchmarks.e2e;

import java.util.Arrays;
import java.util.List;

/** Order statistics of the few values a comparison collects per configuration. */
final class Stats {

  private Stats() {}

  static double median(List<? extends Number> values) {
    double[] sorted = sorted(values);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(List<? extends Number> values) {
    double[] sorted = sorted(values);
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }

  static double max(List<? extends Number> values) {
    double[] sorted = sorted(values);
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  /** Linear interpolation between the closest ranks, {@code percent} from 0 to 100. */
  static double percentile(List<? extends Number> values, double percent) {
    double[] sorted = sorted(values);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double rank = percent / 100 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }

  static double mean(List<? extends Number> values) {
    double sum = 0;
    for (Number value : values) {
      sum += value.doubleValue();
    }
    return sum / values.size();
  }

  /**
   * Half the width of a 95% confidence interval of the mean (normal approximation, 1.96 standard errors): the
   * cycles of a comparison are independent samples of the same difference.
   */
  static double ci95HalfWidth(List<? extends Number> values) {
    int n = values.size();
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (Number value : values) {
      squares += (value.doubleValue() - mean) * (value.doubleValue() - mean);
    }
    return 1.96 * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
  }

  /** (max - min) / median, in percent: how far apart the runs of one configuration were. */
  static double spreadPercent(List<? extends Number> values) {
    return 100 * (max(values) - min(values)) / median(values);
  }

  /** The change from {@code base} to {@code value}, in percent of {@code base}. */
  static double addedPercent(double value, double base) {
    return 100 * (value - base) / base;
  }

  private static double[] sorted(List<? extends Number> values) {
    double[] array = new double[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i).doubleValue();
    }
    Arrays.sort(array);
    return array;
  }
}
