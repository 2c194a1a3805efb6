package dev.currents.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.currents.agent.instrumentation.okhttp.bootstrap.OkHttpCalls;
import dev.currents.agent.tooling.ClientInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * OkHttp 3.14 to 5.x, and what runs on it (Retrofit). One attempt is one pass through OkHttp's {@code
 * ConnectInterceptor}: each retry and each followed redirect is an attempt of its own, with its own status.
 * Each copy of OkHttp, in whatever class loader, is woven on its own and counts its own calls.
 *
 * <p>Kotlin compiles {@code internal} members to names with a {@code $okhttp} suffix (4.x, 5.x), so both
 * spellings are matched.
 */
public final class OkHttpInstrumentation implements ClientInstrumentation {

  private static final String CONNECT_INTERCEPTOR = "okhttp3.internal.connection.ConnectInterceptor";
  /** Where an attempt's request headers are written, below every interceptor. */
  private static final String EXCHANGE = "okhttp3.internal.connection.Exchange";
  /** {@code RealCall} up to 4.2, and from 4.3 on. */
  private static final List<String> REAL_CALLS = List.of("okhttp3.RealCall", "okhttp3.internal.connection.RealCall");

  @Override
  public String client() {
    return OkHttpCalls.CLIENT;
  }

  @Override
  public List<String> typeNamesToHold() {
    List<String> woven = new ArrayList<>(REAL_CALLS);
    woven.add(CONNECT_INTERCEPTOR);
    woven.add(EXCHANGE);
    woven.replaceAll(name -> name.replace('.', '/'));
    return woven;
  }

  @Override
  public AgentBuilder instrument(AgentBuilder builder) {
    SupportedVersion supported = new SupportedVersion();
    return builder
        .type(supported.of(named(CONNECT_INTERCEPTOR)))
        .transform(
            ClientInstrumentation.adviceFrom(AttemptAdvice.class)
                .advice(
                    named("intercept").and(takesArguments(1)), AttemptAdvice.class.getName()))
        .type(supported.of(namedOneOf(REAL_CALLS.toArray(new String[0]))))
        .transform(
            ClientInstrumentation.adviceFrom(CallEndAdvice.class)
                .advice(
                    namedOneOf("getResponseWithInterceptorChain", "getResponseWithInterceptorChain$okhttp")
                        .and(takesArguments(0)),
                    CallEndAdvice.class.getName())
                .advice(named("enqueue").and(takesArguments(1)), EnqueueAdvice.class.getName()))
        .type(supported.of(named(EXCHANGE)))
        .transform(
            ClientInstrumentation.adviceFrom(TraceparentAdvice.class)
                .advice(
                    named("writeRequestHeaders").and(takesArguments(1)), TraceparentAdvice.class.getName()));
  }
}
