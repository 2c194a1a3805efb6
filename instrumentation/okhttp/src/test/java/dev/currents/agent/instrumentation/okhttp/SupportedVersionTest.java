package dev.currents.agent.instrumentation.okhttp;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.currents.agent.testing.SupportedVersionContract;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;

/** OkHttp 3.14 on the test class path is woven; a loader without it is left alone, "older than 3.14". */
class SupportedVersionTest extends SupportedVersionContract {

  private static final String CONNECT_INTERCEPTOR = "okhttp3.internal.connection.ConnectInterceptor";

  @Override
  protected AgentBuilder.RawMatcher matcher() {
    return new SupportedVersion().of(named(CONNECT_INTERCEPTOR));
  }

  @Override
  protected TypeDescription wovenType() throws Exception {
    return loaded(CONNECT_INTERCEPTOR);
  }

  @Override
  protected String oldestSupported() {
    return "3.14";
  }
}
