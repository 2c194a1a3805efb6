package dev.currents.agent.common.backoff;

/**
 * The {@code attempt} tag of {@code currents.api.backoff.delay}: the retry's number in its chain, {@code 1} to
 * {@code 4}, then {@code 5+}, so the tag's cardinality stays at five whatever a client does. Constants only: no
 * allocation.
 */
public final class AttemptTag {

  public static final String FIVE_OR_MORE = "5+";

  private static final String[] TAGS = {"1", "2", "3", "4"};

  private AttemptTag() {}

  /** The tag of retry number {@code retryNumber} (1 for the first retry); a number under 1 counts as 1. */
  public static String of(int retryNumber) {
    if (retryNumber > TAGS.length) {
      return FIVE_OR_MORE;
    }
    return TAGS[Math.max(retryNumber, 1) - 1];
  }
}
