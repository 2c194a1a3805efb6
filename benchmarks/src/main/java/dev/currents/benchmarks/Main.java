package dev.currents.benchmarks;

import dev.currents.benchmarks.breakdown.StartupBreakdown;
import dev.currents.benchmarks.e2e.E2eComparison;
import java.util.Arrays;

/**
 * {@code java -jar benchmarks.jar e2e [options]}: the end-to-end comparison ({@link E2eComparison});
 * {@code java -jar benchmarks.jar breakdown [options]}: the agent's start-up step by step ({@link StartupBreakdown});
 * {@code java -jar benchmarks.jar jmh [JMH options]} or any other arguments: JMH's own command line
 * ({@code -h} for its help, {@code -l} lists the benchmarks).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("e2e")) {
      E2eComparison.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("breakdown")) {
      StartupBreakdown.main(Arrays.copyOfRange(args, 1, args.length));
    } else if (args.length > 0 && args[0].equals("jmh")) {
      org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }
}
