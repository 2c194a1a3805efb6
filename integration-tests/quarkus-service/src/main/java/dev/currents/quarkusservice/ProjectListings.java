package dev.currents.quarkusservice;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The service's two call sites that retry a throttled project listing with MicroProfile Fault Tolerance, as Quarkus
 * services do. Neither reads {@code Retry-After}: Fault Tolerance waits what the annotation says. Jitter is off so
 * that the waits, and with them the agent's verdict, are the same in every run.
 */
@ApplicationScoped
public class ProjectListings {

  private final CurrentsApi currents;

  ProjectListings(@RestClient CurrentsApi currents) {
    this.currents = currents;
  }

  /** A fixed 1 s between attempts, up to three retries. */
  @Retry(retryOn = RateLimited.class, maxRetries = 3, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 0)
  public int withFixedDelay(String authorization) {
    return currents.projects(authorization).getStatus();
  }

  /** SmallRye's exponential backoff: 200 ms, then twice as long each time, up to three retries. */
  @Retry(retryOn = RateLimited.class, maxRetries = 3, delay = 200, jitter = 0)
  @ExponentialBackoff
  public int withExponentialBackoff(String authorization) {
    return currents.projects(authorization).getStatus();
  }
}
