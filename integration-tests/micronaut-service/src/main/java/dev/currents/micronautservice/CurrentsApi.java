package dev.currents.micronautservice;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.retry.annotation.Retryable;

/**
 * The Currents REST API as this service uses it: a declarative client, implemented at compile time by Micronaut's
 * annotation processor, its base URL in {@code micronaut.http.services.currents.url}. The key is a parameter: the
 * service calls on behalf of several organisations. A 4xx or 5xx is thrown as an
 * {@code HttpClientResponseException}.
 */
@Client("currents")
public interface CurrentsApi {

  @Get("/v1/projects")
  HttpResponse<String> projects(@Header(HttpHeaders.AUTHORIZATION) String authorization);

  @Get("/v1/runs/{runId}")
  HttpResponse<String> run(@Header(HttpHeaders.AUTHORIZATION) String authorization, String runId);

  @Put("/v1/runs/{runId}/cancel")
  HttpResponse<String> cancelRun(@Header(HttpHeaders.AUTHORIZATION) String authorization, String runId);

  /**
   * The listing, retried on 429 by Micronaut's retry advice: 200 ms, then twice as long each time, up to three
   * retries. Like every {@code @Retryable}, it waits what the annotation says and never reads {@code Retry-After}.
   */
  @Get("/v1/projects")
  @Retryable(attempts = "3", delay = "200ms", multiplier = "2", predicate = RateLimited.class)
  HttpResponse<String> projectsRetried(@Header(HttpHeaders.AUTHORIZATION) String authorization);
}
