package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.httpurlconnection.bootstrap.HttpUrlConnectionAttempts;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import sun.net.www.MessageHeader;

/**
 * {@code getInputStream}: ends the attempt with the response code, which the JDK has set before it throws for
 * 4xx and 5xx, or with the failure when there was no response.
 */
public final class ResponseAdvice {

  private ResponseAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("userHeaders") MessageHeader requestHeaders) {
    if (!CurrentsRequests.isCurrents(connection.getURL())) {
      return null;
    }
    return HttpUrlConnectionAttempts.enterResponse(connection, requestHeaders);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(
      @Advice.This HttpURLConnection connection,
      @Advice.Enter Attempt attempt,
      @Advice.FieldValue("responseCode") int responseCode,
      @Advice.Thrown Throwable thrown) {
    if (attempt != null) {
      HttpUrlConnectionAttempts.exitResponse(connection, attempt, responseCode, thrown);
    }
  }
}
