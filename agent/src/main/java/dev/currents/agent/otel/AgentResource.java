package dev.currents.agent.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;

/** The OpenTelemetry resource of everything the agent exports: the service it runs in, and the agent itself. */
public final class AgentResource {

  private AgentResource() {}

  public static Resource of(String serviceName, String agentVersion) {
    return Resource.getDefault().toBuilder()
        .put(AttributeKey.stringKey("service.name"), serviceName)
        .put(AttributeKey.stringKey("telemetry.distro.name"), "currents-agent")
        .put(AttributeKey.stringKey("telemetry.distro.version"), String.valueOf(agentVersion))
        .build();
  }
}
