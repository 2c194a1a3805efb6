package dev.currents.agent.instrumentation.asynchttpclient;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.currents.agent.testing.SupportedVersionContract;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;

/** AsyncHttpClient 2.1 on the test class path is woven; a loader without it is left alone, "older than 2.1". */
class SupportedVersionTest extends SupportedVersionContract {

  private static final String FUTURE = "org.asynchttpclient.netty.NettyResponseFuture";

  @Override
  protected AgentBuilder.RawMatcher matcher() {
    return new SupportedVersion().of(named(FUTURE));
  }

  @Override
  protected TypeDescription wovenType() throws Exception {
    return loaded(FUTURE);
  }

  @Override
  protected String oldestSupported() {
    return "2.1";
  }
}
