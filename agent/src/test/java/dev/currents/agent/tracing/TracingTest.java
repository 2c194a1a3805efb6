package dev.currents.agent.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.config.AgentConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingTest {

  @Test
  void withoutExportersOrPropagationTheAgentMakesNoSpans() {
    Tracing tracing = Tracing.start(AgentConfig.load(Map.of(), Map.of()), "test", new SimpleMeterRegistry());
    assertNull(tracing.spans());
    assertEquals("none", tracing.destinations());
  }

  @Test
  void propagationWithoutExportersStillSendsRealIds() {
    Tracing tracing =
        Tracing.start(
            AgentConfig.load(Map.of("currents.agent.traces.propagate", "true"), Map.of()), "test", new SimpleMeterRegistry());
    Attempt attempt = CurrentsRequests.start("java-http-client", "GET", URI.create("https://api.currents.dev/v1/projects"), null, null, null);
    tracing.spans().start(attempt, "/v1/projects", null);
    assertEquals("none", tracing.destinations());
    assertTrue(attempt.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]"), attempt.traceparent());
    assertFalse(attempt.traceparent().contains("-0000000000000000-"), "not the ids of a no-op span");
  }
}
