package dev.currents.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import static dev.currents.agent.tooling.VersionCheck.sees;

import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Hook;
import dev.currents.agent.tooling.VersionCheck;

/**
 * OkHttp 3.14 to 5.x, and what runs on it (Retrofit). One attempt is one pass through OkHttp's {@code
 * ConnectInterceptor}: each retry and each followed redirect is an attempt of its own, with its own status.
 * Each copy of OkHttp, in whatever class loader, is woven on its own and counts its own calls.
 *
 * <p>Kotlin compiles {@code internal} members to names with a {@code $okhttp} suffix (4.x, 5.x), so both
 * spellings are matched.
 */
public final class OkHttpInstrumentation extends ClientInstrumentation {

  private static final String CONNECT_INTERCEPTOR = "okhttp3/internal/connection/ConnectInterceptor";
  /** 3.14 to 4.2. */
  private static final String TRANSMITTER = "okhttp3/internal/connection/Transmitter";
  /** 4.3 on. */
  private static final String INTERNAL_REAL_CALL = "okhttp3/internal/connection/RealCall";

  private static final String CONNECT_INTERCEPTOR_CLASS = "okhttp3.internal.connection.ConnectInterceptor";
  /** {@code RealCall} up to 4.2, and from 4.3 on. */
  private static final String[] REAL_CALL_CLASSES = {"okhttp3.RealCall", "okhttp3.internal.connection.RealCall"};
  /** Where an attempt's request headers are written, below every interceptor. */
  private static final String EXCHANGE_CLASS = "okhttp3.internal.connection.Exchange";

  public OkHttpInstrumentation() {
    super(OkHttpCalls.CLIENT, CONNECT_INTERCEPTOR_CLASS, REAL_CALL_CLASSES[0], REAL_CALL_CLASSES[1], EXCHANGE_CLASS);
  }

  /**
   * Copies of OkHttp from 3.14 on, judged once per class loader by the classes it can see. Before 3.14 the call
   * timeout is applied outside {@code getResponseWithInterceptorChain} (3.12, 3.13) or the interceptors are laid out
   * otherwise (3.0 to 3.3), so an older copy is left as it is, with one debug line when its {@code RealCall}, which
   * every version has and every call loads, is first seen.
   */
  @Override
  protected void declare(Declaration declaration) {
    declaration
        .supportedVersions(new VersionCheck("okhttp", "3.14", OkHttpInstrumentation::judge))
        .helpers(OkHttpRequests.class, OkHttpResponses.class)
        .hook(
            Hook.types(CONNECT_INTERCEPTOR_CLASS)
                .advise(named("intercept").and(takesArguments(1)), AttemptAdvice.class))
        .hook(
            Hook.types(REAL_CALL_CLASSES)
                .advise(
                    namedOneOf("getResponseWithInterceptorChain", "getResponseWithInterceptorChain$okhttp")
                        .and(takesArguments(0)),
                    CallEndAdvice.class)
                .advise(named("enqueue").and(takesArguments(1)), EnqueueAdvice.class))
        .hook(
            Hook.types(EXCHANGE_CLASS)
                .advise(named("writeRequestHeaders").and(takesArguments(1)), TraceparentAdvice.class));
  }

  private static boolean judge(ClassLoader loader) {
    return sees(loader, CONNECT_INTERCEPTOR) && (sees(loader, TRANSMITTER) || sees(loader, INTERNAL_REAL_CALL));
  }
}
