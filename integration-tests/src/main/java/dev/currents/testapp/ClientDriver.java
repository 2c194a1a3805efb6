package dev.currents.testapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * An application for tests across JVMs: started with the agent, it makes the HTTP calls named on its standard
 * input, one line each, and answers each on standard output with {@code <id> STATUS <code>} or
 * {@code <id> ERROR <exception class>}. {@code quit} ends it.
 */
public final class ClientDriver {

  private static final Map<String, ClientAdapter> CLIENTS =
      Map.of(
          "java-http-client", new JavaHttpClientAdapter(false),
          "java-http-client-async", new JavaHttpClientAdapter(true),
          "http-url-connection", new HttpUrlConnectionAdapter());

  private ClientDriver() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      if (!line.isBlank()) {
        System.out.println(run(line));
      }
    }
  }

  private static final RetryingCaller RETRYING = new RetryingCaller();

  /**
   * {@code <id> retry-<style> <method> <url> [options]}: the call wrapped in that retry style, answered with
   * {@code STATUS <final status> ATTEMPTS <n>}.
   */
  private static String retry(String line) {
    Call call = Call.parse(line);
    try {
      int[] result = RETRYING.call(call.client.substring("retry-".length()), JavaHttpClientAdapter.request(call).build());
      return call.id + " STATUS " + result[0] + " ATTEMPTS " + result[1];
    } catch (Exception e) {
      return call.id + " ERROR " + e.getClass().getName();
    }
  }

  private static String run(String line) {
    if (line.contains(" retry-")) {
      return retry(line);
    }
    Call call;
    try {
      call = Call.parse(line);
    } catch (RuntimeException e) {
      return "- BAD " + e.getMessage();
    }
    ClientAdapter client = CLIENTS.get(call.client);
    if (client == null) {
      return call.id + " BAD unknown client " + call.client;
    }
    try {
      return call.id + " STATUS " + client.execute(call);
    } catch (ExecutionException e) {
      return call.id + " ERROR " + e.getCause().getClass().getName();
    } catch (CancellationException e) {
      return call.id + " ERROR " + e.getClass().getName();
    } catch (Exception e) {
      return call.id + " ERROR " + e.getClass().getName();
    }
  }
}
