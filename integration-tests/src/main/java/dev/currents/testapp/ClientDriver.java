package dev.currents.testapp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * An application for tests across JVMs: started with the agent, it makes the HTTP calls named on its standard
 * input, one line each, and answers each on standard output with {@code <id> STATUS <code>} or
 * {@code <id> ERROR <exception class>}. {@code quit} ends it. The clients are in {@link ClientAdapters}; a
 * client named {@code second-copy/<client>} is used from a second copy of the application ({@link SecondCopy}).
 */
public final class ClientDriver {

  private ClientDriver() {}

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    String line;
    while ((line = in.readLine()) != null && !line.equals("quit")) {
      if (!line.isBlank()) {
        System.out.println(answer(line));
      }
    }
    closeClients();
  }

  /** Public for the driver of the first copy, which calls it in the second. */
  public static void closeClients() throws Exception {
    ClientAdapters.closeAll();
    SecondCopy.closeClients();
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

  /** The answer to one line; public for the driver of the first copy, which calls it in the second. */
  public static String answer(String line) {
    if (line.contains(" retry-")) {
      return retry(line);
    }
    Call call;
    try {
      call = Call.parse(line);
    } catch (RuntimeException e) {
      return "- BAD " + e.getMessage();
    }
    try {
      if (call.client.startsWith(SecondCopy.PREFIX)) {
        return SecondCopy.answer(line);
      }
      ClientAdapter client = ClientAdapters.named(call.client);
      return call.id + " " + (call.concurrent > 1 ? ConcurrentCalls.outcome(client, call) : outcome(client, call));
    } catch (Exception e) {
      return call.id + " BAD " + e;
    }
  }

  /** {@code STATUS <code>}, or {@code ERROR <class>} of what the client threw (of its cause, for a future's). */
  static String outcome(ClientAdapter client, Call call) {
    try {
      return "STATUS " + client.execute(call);
    } catch (ExecutionException e) {
      return "ERROR " + e.getCause().getClass().getName();
    } catch (Exception e) {
      return "ERROR " + e.getClass().getName();
    }
  }
}
