package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.tooling.VersionCheck;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which copies of AsyncHttpClient the agent weaves: 2.1 and later, judged once per class loader by a class that 2.1
 * added and 3.0 kept ({@code cookie.CookieStore}). 2.0 has the classes the agent weaves, but its interceptors take
 * AHC's own {@code HttpResponseHeaders}, which 2.1 replaced with Netty's: such a copy is left as it is, with one
 * debug line.
 */
final class SupportedVersion {

  private static final String SINCE_2_1 = "org/asynchttpclient/cookie/CookieStore";

  private final VersionCheck check =
      new VersionCheck("async-http-client", "2.1", loader -> VersionCheck.sees(loader, SINCE_2_1));

  /** Types matching {@code types} in a class loader whose AsyncHttpClient is supported. */
  AgentBuilder.RawMatcher of(ElementMatcher<? super TypeDescription> types) {
    return check.of(types);
  }
}
