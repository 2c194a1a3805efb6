package dev.currents.micronautservice;

import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.retry.annotation.RetryPredicate;

/** Retries only what Currents answered 429: any other error status is final. */
public final class RateLimited implements RetryPredicate {

  @Override
  public boolean test(Throwable failure) {
    return failure instanceof HttpClientResponseException response && response.code() == 429;
  }
}
