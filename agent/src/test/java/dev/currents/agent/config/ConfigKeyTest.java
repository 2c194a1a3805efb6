package dev.currents.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigKeyTest {

  @ParameterizedTest
  @CsvSource({
      "ENABLED, currents.agent.enabled, CURRENTS_AGENT_ENABLED",
      "CONFIG_FILE, currents.agent.config.file, CURRENTS_AGENT_CONFIG_FILE",
      "HOSTS, currents.agent.hosts, CURRENTS_AGENT_HOSTS",
      "SERVICE_NAME, currents.agent.service.name, CURRENTS_AGENT_SERVICE_NAME",
      "METRICS_EXPORTER, currents.agent.metrics.exporter, CURRENTS_AGENT_METRICS_EXPORTER",
      "PROMETHEUS_HOST, currents.agent.prometheus.host, CURRENTS_AGENT_PROMETHEUS_HOST",
      "PROMETHEUS_PORT, currents.agent.prometheus.port, CURRENTS_AGENT_PROMETHEUS_PORT",
      "TRACES_EXPORTER, currents.agent.traces.exporter, CURRENTS_AGENT_TRACES_EXPORTER",
      "OTLP_ENDPOINT, currents.agent.otlp.endpoint, CURRENTS_AGENT_OTLP_ENDPOINT",
      "TRACES_PROPAGATE, currents.agent.traces.propagate, CURRENTS_AGENT_TRACES_PROPAGATE",
      "BACKOFF_WINDOW, currents.agent.backoff.window, CURRENTS_AGENT_BACKOFF_WINDOW",
      "BACKOFF_MIN_DELAY, currents.agent.backoff.min-delay, CURRENTS_AGENT_BACKOFF_MIN_DELAY",
      "BACKOFF_MAX_OPEN_CHAINS, currents.agent.backoff.max-open-chains, CURRENTS_AGENT_BACKOFF_MAX_OPEN_CHAINS",
      "LOG_LEVEL, currents.agent.log.level, CURRENTS_AGENT_LOG_LEVEL",
  })
  void keyAndEnvironmentNameFollowTheSpec(ConfigKey key, String name, String envName) {
    assertEquals(name, key.key());
    assertEquals(envName, key.envName());
    assertSame(key, ConfigKey.forKey(name));
  }

  @Test
  void theSpecListsFourteenKeys() {
    assertEquals(14, ConfigKey.values().length);
  }

  @Test
  void defaultsAreTheSpecsLiterals() {
    assertEquals("true", ConfigKey.ENABLED.defaultValue());
    assertNull(ConfigKey.CONFIG_FILE.defaultValue());
    assertEquals("api.currents.dev,api-staging.currents.dev,cy.currents.dev", ConfigKey.HOSTS.defaultValue());
    assertEquals("unknown_service:java", ConfigKey.SERVICE_NAME.defaultValue());
    assertEquals("prometheus", ConfigKey.METRICS_EXPORTER.defaultValue());
    assertEquals("0.0.0.0", ConfigKey.PROMETHEUS_HOST.defaultValue());
    assertEquals("9464", ConfigKey.PROMETHEUS_PORT.defaultValue());
    assertEquals("none", ConfigKey.TRACES_EXPORTER.defaultValue());
    assertEquals("http://localhost:4318", ConfigKey.OTLP_ENDPOINT.defaultValue());
    assertEquals("false", ConfigKey.TRACES_PROPAGATE.defaultValue());
    assertEquals("120s", ConfigKey.BACKOFF_WINDOW.defaultValue());
    assertEquals("100ms", ConfigKey.BACKOFF_MIN_DELAY.defaultValue());
    assertEquals("10000", ConfigKey.BACKOFF_MAX_OPEN_CHAINS.defaultValue());
    assertEquals("info", ConfigKey.LOG_LEVEL.defaultValue());
  }

  @Test
  void forKeyIsExact() {
    assertNull(ConfigKey.forKey("currents.agent.Enabled"));
    assertNull(ConfigKey.forKey("CURRENTS_AGENT_ENABLED"));
    assertNull(ConfigKey.forKey("currents.agent.enabled "));
  }
}
