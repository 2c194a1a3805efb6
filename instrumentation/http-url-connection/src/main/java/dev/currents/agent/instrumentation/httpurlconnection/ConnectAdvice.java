package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.httpurlconnection.bootstrap.HttpUrlConnectionAttempts;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;
import sun.net.www.MessageHeader;

/** {@code connect} and {@code getOutputStream}: start the attempt; a failure here (refused, timeout) ends it. */
public final class ConnectAdvice {

  private ConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  public static Attempt enter(
      @Advice.This HttpURLConnection connection,
      @Advice.FieldValue("userHeaders") MessageHeader requestHeaders) {
    if (!CurrentsRequests.isCurrents(connection.getURL())) {
      return null;
    }
    return HttpUrlConnectionAttempts.startOrGet(connection, requestHeaders);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.Enter Attempt attempt, @Advice.Thrown Throwable thrown) {
    if (attempt != null && thrown != null) {
      CurrentsRequests.fail(attempt, thrown);
    }
  }
}
