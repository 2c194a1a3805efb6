package dev.currents.testapp.springboot;

import java.time.Duration;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.TimeValue;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.retry.backoff.FixedBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A Spring Boot service as issue #17 describes it: it calls Currents through RestClient, WebClient and a
 * RestTemplate on Apache HttpClient 5, each call site with its own retry, and names itself with
 * {@code spring.application.name} in its {@code application.properties}. The three call sites:
 *
 * <ul>
 *   <li>{@link #projectsViaRestClient}: RestClient on the JDK's HttpClient, retried by Spring Retry's
 *       {@code RetryTemplate} with a fixed 1 s back-off, which comes back before a longer {@code Retry-After};
 *   <li>{@link #projectsViaWebClient}: WebClient on Reactor Netty (Boot's auto-configured builder), retried by
 *       Reactor's {@code Retry.backoff(3, 200ms)};
 *   <li>{@link #projectsViaRestTemplate}: RestTemplate on Apache HttpClient 5, retried by the client's own
 *       {@code DefaultHttpRequestRetryStrategy(3, 1s)}, which waits out {@code Retry-After}.
 * </ul>
 */
@SpringBootApplication
public class OrdersService {

  /** Starts the service's context without a web server: it only calls out. */
  static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(OrdersService.class).web(WebApplicationType.NONE).run();
  }

  @Bean
  RestClient restClient() {
    return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
  }

  @Bean
  WebClient webClient(WebClient.Builder builder) {
    return builder.build();
  }

  @Bean
  RestTemplate restTemplate() {
    return new RestTemplate(new HttpComponentsClientHttpRequestFactory(
        HttpClients.custom().setRetryStrategy(new DefaultHttpRequestRetryStrategy(3, TimeValue.ofSeconds(1))).build()));
  }

  static int projectsViaRestClient(RestClient client, String url, String authorization) {
    RetryTemplate retry = new RetryTemplate();
    FixedBackOffPolicy backOff = new FixedBackOffPolicy();
    backOff.setBackOffPeriod(1000);
    retry.setBackOffPolicy(backOff);
    retry.setRetryPolicy(new SimpleRetryPolicy(4));
    int[] last = new int[1];
    try {
      return retry.execute(context -> {
        ResponseEntity<String> response = client.get().uri(url).header("Authorization", authorization)
            .retrieve().onStatus(HttpStatusCode::isError, (request, answer) -> { }).toEntity(String.class);
        last[0] = response.getStatusCode().value();
        if (last[0] == 429) {
          throw new IllegalStateException("429");
        }
        return last[0];
      });
    } catch (IllegalStateException exhausted) {
      return last[0];
    }
  }

  static int projectsViaWebClient(WebClient client, String url, String authorization) {
    Mono<Integer> status = client.get().uri(url).header("Authorization", authorization)
        // rawStatusCode(): the module compiles against WebFlux 5.3, whose statusCode() returns another type.
        .exchangeToMono(response -> response.releaseBody().thenReturn(response.rawStatusCode()));
    return status
        .flatMap(code -> code == 429 ? Mono.<Integer>error(new IllegalStateException("429")) : Mono.just(code))
        .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
        .onErrorResume(Exceptions::isRetryExhausted, exhausted -> Mono.just(429))
        .block();
  }

  static int projectsViaRestTemplate(RestTemplate client, String url, String authorization) {
    return client.execute(url, org.springframework.http.HttpMethod.GET,
        request -> request.getHeaders().set("Authorization", authorization),
        response -> response.getStatusCode().value());
  }
}
