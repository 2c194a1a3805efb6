package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.instrumentation.httpurlconnection.bootstrap.HttpUrlConnectionAttempts;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * The HTTPS delegate's {@code connect}: its {@code plainConnect} started the attempt ({@link ConnectAdvice}), and
 * a failure after it (the TLS handshake) ends the attempt here, since the application, which got the exception
 * from {@code connect}, calls no {@code getInputStream} that would.
 */
public final class HttpsConnectAdvice {

  private HttpsConnectAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  public static void exit(@Advice.This HttpURLConnection connection, @Advice.Thrown Throwable thrown) {
    if (thrown != null && CurrentsRequests.isCurrents(connection.getURL())) {
      HttpUrlConnectionAttempts.failOpen(connection, thrown);
    }
  }
}
