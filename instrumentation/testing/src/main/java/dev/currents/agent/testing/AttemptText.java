package dev.currents.agent.testing;

import dev.currents.agent.bootstrap.Attempt;

/** Every field of an {@link Attempt} as one line of text, so that a test can look for a value in all of them. */
final class AttemptText {

  private AttemptText() {}

  static String of(Attempt attempt) {
    return String.join(
        " ",
        attempt.client(),
        attempt.method(),
        attempt.scheme(),
        attempt.host(),
        String.valueOf(attempt.port()),
        attempt.path(),
        String.valueOf(attempt.query()),
        Long.toHexString(attempt.credentialFingerprint()),
        String.valueOf(attempt.parent()),
        String.valueOf(attempt.recorderState()),
        String.valueOf(attempt.traceparent()));
  }
}
