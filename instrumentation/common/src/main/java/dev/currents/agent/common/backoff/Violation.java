package dev.currents.agent.common.backoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The {@code reason} tag of {@code currents.api.backoff.violations}: which rule of SPEC section 5 a retry broke. */
public enum Violation {
  /** The failed attempt carried {@code Retry-After} and the retry came sooner. */
  RETRY_AFTER_IGNORED,
  /** No {@code Retry-After}, and the retry came sooner than {@code currents.agent.backoff.min-delay}. */
  NO_BACKOFF,
  /** No {@code Retry-After}, a chain triggered by 429, its third retry or later, and its waits never grew. */
  NOT_INCREASING;

  /** Every subset of the values, indexed by bit mask, so that a retry hands out its list without allocating. */
  private static final List<List<Violation>> SUBSETS = subsets();

  private final String tagValue;
  private final int bit;

  Violation() {
    this.tagValue = name().toLowerCase(Locale.ROOT);
    this.bit = 1 << ordinal();
  }

  public String tagValue() {
    return tagValue;
  }

  int bit() {
    return bit;
  }

  /** The violations whose bits are set in {@code mask}, in declaration order; unmodifiable. */
  static List<Violation> of(int mask) {
    return SUBSETS.get(mask);
  }

  private static List<List<Violation>> subsets() {
    Violation[] all = values();
    List<List<Violation>> subsets = new ArrayList<>(1 << all.length);
    for (int mask = 0; mask < 1 << all.length; mask++) {
      List<Violation> subset = new ArrayList<>(all.length);
      for (Violation v : all) {
        if ((mask & v.bit) != 0) {
          subset.add(v);
        }
      }
      subsets.add(Collections.unmodifiableList(subset));
    }
    return subsets;
  }
}
