package dev.currents.micronautservice;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The service driven by the test that starts it: after {@code READY}, each line of standard input
 * {@code <id> <call> <API key> [runId]} makes one call through the declarative client and is answered on standard
 * output with {@code <id> STATUS <code>} (the final status, after any retries) or {@code <id> ERROR <class>};
 * {@code quit} ends it. The calls: {@code projects}, {@code run}, {@code cancel-run} and the retried
 * {@code projects-retried}.
 */
@Singleton
public class CallLoop {

  private final CurrentsApi currents;

  CallLoop(CurrentsApi currents) {
    this.currents = currents;
  }

  /** An application without an HTTP server of its own: the context alone, no banner on standard output. */
  public static void main(String[] args) throws IOException {
    try (ApplicationContext context = ApplicationContext.run()) {
      context.getBean(CallLoop.class).run();
    }
  }

  void run() throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      if (!line.isBlank()) {
        String[] words = line.trim().split(" +");
        System.out.println(words[0] + " " + answer(words));
      }
    }
  }

  private String answer(String[] words) {
    try {
      return "STATUS " + call(words);
    } catch (HttpClientResponseException e) {
      return "STATUS " + e.code();
    } catch (RuntimeException e) {
      return "ERROR " + e.getClass().getName();
    }
  }

  private int call(String[] words) {
    String authorization = "Bearer " + words[2];
    return switch (words[1]) {
      case "projects" -> currents.projects(authorization).code();
      case "run" -> currents.run(authorization, words[3]).code();
      case "cancel-run" -> currents.cancelRun(authorization, words[3]).code();
      case "projects-retried" -> currents.projectsRetried(authorization).code();
      default -> throw new IllegalArgumentException("no call " + words[1]);
    };
  }
}
