package dev.currents.quarkusservice;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The service driven by the test that starts it: after {@code READY}, each line of standard input
 * {@code <id> <call> <API key> [runId]} makes one call through the service's own code and is answered on standard
 * output with {@code <id> STATUS <code>} (the final status, after any retries) or {@code <id> ERROR <class>};
 * {@code quit} ends it. The calls: {@code projects}, {@code run}, {@code cancel-run}, and the retrying
 * {@code projects-fixed-retry} and {@code projects-exponential-retry} ({@link ProjectListings}).
 */
@QuarkusMain
public class CallLoop implements QuarkusApplication {

  @Inject @RestClient CurrentsApi currents;

  @Inject ProjectListings listings;

  @Override
  public int run(String... args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      if (!line.isBlank()) {
        String[] words = line.trim().split(" +");
        System.out.println(words[0] + " " + answer(words));
      }
    }
    return 0;
  }

  private String answer(String[] words) {
    try {
      return "STATUS " + call(words);
    } catch (WebApplicationException e) {
      return "STATUS " + e.getResponse().getStatus();
    } catch (RateLimited e) {
      return "STATUS 429";
    } catch (RuntimeException e) {
      return "ERROR " + e.getClass().getName();
    }
  }

  private int call(String[] words) {
    String authorization = "Bearer " + words[2];
    return switch (words[1]) {
      case "projects" -> currents.projects(authorization).getStatus();
      case "run" -> currents.run(authorization, words[3]).getStatus();
      case "cancel-run" -> currents.cancelRun(authorization, words[3]).getStatus();
      case "projects-fixed-retry" -> listings.withFixedDelay(authorization);
      case "projects-exponential-retry" -> listings.withExponentialBackoff(authorization);
      default -> throw new IllegalArgumentException("no call " + words[1]);
    };
  }
}
