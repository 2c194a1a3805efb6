package dev.currents.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AgentConfigTest {

  private static final String PORT = "currents.agent.prometheus.port";
  private static final String PORT_ENV = "CURRENTS_AGENT_PROMETHEUS_PORT";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private AgentLog.Level savedLevel;

  @BeforeEach
  void captureLog() {
    savedLevel = AgentLog.level();
    AgentLog.setLevel(AgentLog.Level.INFO);
    AgentLog.setOutput(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    AgentLog.setOutput(System.err);
    AgentLog.setLevel(savedLevel);
  }

  private List<String> warnings() {
    String text = buffer.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }

  private String onlyWarning() {
    List<String> warnings = warnings();
    assertEquals(1, warnings.size(), () -> "expected exactly one warning, got " + warnings);
    assertTrue(warnings.get(0).startsWith("[currents-agent] "), warnings.get(0));
    return warnings.get(0);
  }

  private static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), () -> "expected <" + part + "> in <" + text + ">");
    }
  }

  private Path file(String... lines) throws IOException {
    Path path = Files.createTempFile(dir, "agent", ".properties");
    Files.write(path, Arrays.asList(lines), StandardCharsets.UTF_8);
    return path;
  }

  private static AgentConfig load(Map<String, String> systemProperties, Map<String, String> environment) {
    return AgentConfig.load(systemProperties, environment);
  }

  // ---------------------------------------------------------------- defaults

  @Test
  void everyKeyHasItsDefaultWhenNothingIsConfigured() {
    AgentConfig config = load(Map.of(), Map.of());

    assertTrue(config.enabled());
    assertEquals(Optional.empty(), config.configFile());
    assertEquals("api.currents.dev,api-staging.currents.dev,cy.currents.dev", config.hosts());
    assertEquals("unknown_service:java", config.serviceName());
    assertEquals(EnumSet.of(MetricsExporter.PROMETHEUS), config.metricsExporters());
    assertEquals("0.0.0.0", config.prometheusHost());
    assertEquals(9464, config.prometheusPort());
    assertEquals(Set.of(), config.tracesExporters());
    assertEquals(URI.create("http://localhost:4318"), config.otlpEndpoint());
    assertFalse(config.tracesPropagate());
    assertEquals(Duration.ofSeconds(120), config.backoffWindow());
    assertEquals(Duration.ofMillis(100), config.backoffMinDelay());
    assertEquals(10000, config.backoffMaxOpenChains());
    assertEquals(AgentLog.Level.INFO, config.logLevel());
    assertEquals(List.of(), warnings());
  }

  @Test
  void nullSourcesAndNullValuesAreNothing() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put(PORT, null);
    withNull.put(null, "x");
    assertEquals(9464, load(null, null).prometheusPort());
    assertEquals(9464, load(withNull, withNull).prometheusPort());
    assertEquals(List.of(), warnings());
  }

  @Test
  void exporterSetsAreUnmodifiable() {
    AgentConfig config = load(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertThrows(UnsupportedOperationException.class, () -> config.metricsExporters().add(MetricsExporter.OTLP));
    assertThrows(UnsupportedOperationException.class, () -> config.tracesExporters().clear());
  }

  // ---------------------------------------------------------------- every key from every source

  /** For each key but the file's: a valid, non-default value and what it should load as. */
  static Stream<Arguments> nonDefaultValues() {
    return Stream.of(
        Arguments.of(ConfigKey.ENABLED, "FALSE", (Function<AgentConfig, Object>) AgentConfig::enabled, false),
        Arguments.of(ConfigKey.HOSTS, " example.com,*.example.org ", (Function<AgentConfig, Object>) AgentConfig::hosts,
            "example.com,*.example.org"),
        Arguments.of(ConfigKey.SERVICE_NAME, "billing", (Function<AgentConfig, Object>) AgentConfig::serviceName,
            "billing"),
        Arguments.of(ConfigKey.METRICS_EXPORTER, " Prometheus, OTLP ,,logging",
            (Function<AgentConfig, Object>) AgentConfig::metricsExporters, EnumSet.allOf(MetricsExporter.class)),
        Arguments.of(ConfigKey.PROMETHEUS_HOST, "127.0.0.1",
            (Function<AgentConfig, Object>) AgentConfig::prometheusHost, "127.0.0.1"),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, " 0 ", (Function<AgentConfig, Object>) AgentConfig::prometheusPort, 0),
        Arguments.of(ConfigKey.TRACES_EXPORTER, "logging",
            (Function<AgentConfig, Object>) AgentConfig::tracesExporters, EnumSet.of(TracesExporter.LOGGING)),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "https://collector.internal:4318/base",
            (Function<AgentConfig, Object>) AgentConfig::otlpEndpoint, URI.create("https://collector.internal:4318/base")),
        Arguments.of(ConfigKey.TRACES_PROPAGATE, "true", (Function<AgentConfig, Object>) AgentConfig::tracesPropagate,
            true),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "5m", (Function<AgentConfig, Object>) AgentConfig::backoffWindow,
            Duration.ofMinutes(5)),
        Arguments.of(ConfigKey.BACKOFF_MIN_DELAY, "250ms",
            (Function<AgentConfig, Object>) AgentConfig::backoffMinDelay, Duration.ofMillis(250)),
        Arguments.of(ConfigKey.BACKOFF_MAX_OPEN_CHAINS, "1",
            (Function<AgentConfig, Object>) AgentConfig::backoffMaxOpenChains, 1),
        Arguments.of(ConfigKey.LOG_LEVEL, "DEBUG", (Function<AgentConfig, Object>) AgentConfig::logLevel,
            AgentLog.Level.DEBUG));
  }

  @Test
  void nonDefaultValuesCoverEveryKeyButTheFile() {
    Set<ConfigKey> covered = nonDefaultValues().map(a -> (ConfigKey) a.get()[0]).collect(Collectors.toSet());
    assertEquals(EnumSet.complementOf(EnumSet.of(ConfigKey.CONFIG_FILE)), covered);
  }

  @ParameterizedTest
  @MethodSource("nonDefaultValues")
  void everyKeyIsReadFromASystemProperty(ConfigKey key, String value, Function<AgentConfig, Object> get, Object expected) {
    assertEquals(expected, get.apply(load(Map.of(key.key(), value), Map.of())));
    assertEquals(List.of(), warnings());
  }

  @ParameterizedTest
  @MethodSource("nonDefaultValues")
  void everyKeyIsReadFromItsEnvironmentVariable(ConfigKey key, String value, Function<AgentConfig, Object> get,
      Object expected) {
    assertEquals(expected, get.apply(load(Map.of(), Map.of(key.envName(), value))));
    assertEquals(List.of(), warnings());
  }

  @ParameterizedTest
  @MethodSource("nonDefaultValues")
  void everyKeyIsReadFromTheFile(ConfigKey key, String value, Function<AgentConfig, Object> get, Object expected)
      throws IOException {
    Path file = file(key.key() + "=" + value);
    assertEquals(expected, get.apply(load(Map.of("currents.agent.config.file", file.toString()), Map.of())));
    assertEquals(List.of(), warnings());
  }

  @Test
  void environmentNamesTurnDotsAndDashesIntoUnderscores() {
    AgentConfig config = load(Map.of(), Map.of("CURRENTS_AGENT_BACKOFF_MIN_DELAY", "250ms",
        "CURRENTS_AGENT_BACKOFF_MAX_OPEN_CHAINS", "5", "CURRENTS_AGENT_PROMETHEUS_PORT", "1234"));
    assertEquals(Duration.ofMillis(250), config.backoffMinDelay());
    assertEquals(5, config.backoffMaxOpenChains());
    assertEquals(1234, config.prometheusPort());
  }

  @Test
  void theEnvironmentFormOfAKeyIsNotReadAsASystemPropertyNorTheOtherWayRound() {
    assertEquals(9464, load(Map.of(PORT_ENV, "1"), Map.of(PORT, "2")).prometheusPort());
  }

  // ---------------------------------------------------------------- precedence

  @Test
  void systemPropertyBeatsEnvironment() {
    assertEquals(1111, load(Map.of(PORT, "1111"), Map.of(PORT_ENV, "2222")).prometheusPort());
  }

  @Test
  void environmentBeatsFile() throws IOException {
    Path file = file(PORT + "=3333");
    assertEquals(2222, load(Map.of(), Map.of(PORT_ENV, "2222", "CURRENTS_AGENT_CONFIG_FILE", file.toString()))
        .prometheusPort());
  }

  @Test
  void systemPropertyBeatsFile() throws IOException {
    Path file = file(PORT + "=3333");
    assertEquals(1111, load(Map.of(PORT, "1111", "currents.agent.config.file", file.toString()), Map.of())
        .prometheusPort());
  }

  @Test
  void fileBeatsDefault() throws IOException {
    Path file = file(PORT + "=3333");
    assertEquals(3333, load(Map.of("currents.agent.config.file", file.toString()), Map.of()).prometheusPort());
  }

  @Test
  void allThreeSourcesTogether() throws IOException {
    Path file = file(PORT + "=3333", "currents.agent.prometheus.host=file-host", "currents.agent.log.level=debug");
    AgentConfig config = load(
        Map.of(PORT, "1111", "currents.agent.config.file", file.toString()),
        Map.of(PORT_ENV, "2222", "CURRENTS_AGENT_PROMETHEUS_HOST", "env-host"));
    assertEquals(1111, config.prometheusPort());
    assertEquals("env-host", config.prometheusHost());
    assertEquals(AgentLog.Level.DEBUG, config.logLevel());
    assertEquals(Duration.ofSeconds(120), config.backoffWindow());
  }

  @Test
  void aBlankValueCountsAsNotGivenSoTheNextSourceApplies() throws IOException {
    Path file = file(PORT + "=   ", "currents.agent.prometheus.host=file-host");
    AgentConfig config = load(
        Map.of(PORT, "", "currents.agent.prometheus.host", " ", "currents.agent.config.file", file.toString()),
        Map.of(PORT_ENV, " 2222 "));
    assertEquals(2222, config.prometheusPort());
    assertEquals("file-host", config.prometheusHost());
    assertEquals(List.of(), warnings());
  }

  // ---------------------------------------------------------------- the file

  @Test
  void theFileCanBeNamedByAnEnvironmentVariable() throws IOException {
    Path file = file("currents.agent.service.name=from-file");
    AgentConfig config = load(Map.of(), Map.of("CURRENTS_AGENT_CONFIG_FILE", file.toString()));
    assertEquals("from-file", config.serviceName());
    assertEquals(Optional.of(file), config.configFile());
  }

  @Test
  void theSystemPropertyNamesTheFileBeforeTheEnvironment() throws IOException {
    Path chosen = file("currents.agent.service.name=chosen");
    Path other = file("currents.agent.service.name=other");
    AgentConfig config = load(Map.of("currents.agent.config.file", chosen.toString()),
        Map.of("CURRENTS_AGENT_CONFIG_FILE", other.toString()));
    assertEquals("chosen", config.serviceName());
    assertEquals(Optional.of(chosen), config.configFile());
  }

  @Test
  void aMissingFileWarnsOnceNamingItsPathAndTheOtherSourcesStillApply() {
    Path missing = dir.resolve("missing.properties");
    AgentConfig config = load(Map.of("currents.agent.config.file", missing.toString(), PORT, "1111"),
        Map.of("CURRENTS_AGENT_SERVICE_NAME", "svc"));
    assertContains(onlyWarning(), missing.toString(), "no such file", "system property currents.agent.config.file");
    assertEquals(1111, config.prometheusPort());
    assertEquals("svc", config.serviceName());
    assertEquals(Duration.ofMillis(100), config.backoffMinDelay());
    assertEquals(Optional.of(missing), config.configFile());
  }

  @Test
  void anUnreadableFileWarnsOnceNamingItsPath() {
    AgentConfig config = load(Map.of(), Map.of("CURRENTS_AGENT_CONFIG_FILE", dir.toString()));
    assertContains(onlyWarning(), dir.toString(), "environment variable CURRENTS_AGENT_CONFIG_FILE");
    assertEquals(9464, config.prometheusPort());
  }

  @Test
  void anInvalidPathWarnsOnce() {
    AgentConfig config = load(Map.of("currents.agent.config.file", "bad\u0000path"), Map.of());
    assertContains(onlyWarning(), "currents.agent.config.file", "\"bad?path\"", "not a valid path");
    assertEquals(Optional.empty(), config.configFile());
  }

  @Test
  void theFileCannotNameAnotherFile() throws IOException {
    Path other = file(PORT + "=3333");
    Path file = file("currents.agent.config.file=" + other);
    AgentConfig config = load(Map.of("currents.agent.config.file", file.toString()), Map.of());
    assertContains(onlyWarning(), "currents.agent.config.file", "has no effect", file.toString());
    assertEquals(9464, config.prometheusPort());
    assertEquals(Optional.of(file), config.configFile());
  }

  // ---------------------------------------------------------------- malformed values

  /** key, malformed value, the default as the warning names it, the accessor, the default as loaded. */
  static Stream<Arguments> malformedValues() {
    Function<AgentConfig, Object> enabled = AgentConfig::enabled;
    Function<AgentConfig, Object> port = AgentConfig::prometheusPort;
    Function<AgentConfig, Object> window = AgentConfig::backoffWindow;
    Function<AgentConfig, Object> minDelay = AgentConfig::backoffMinDelay;
    Function<AgentConfig, Object> chains = AgentConfig::backoffMaxOpenChains;
    Function<AgentConfig, Object> level = AgentConfig::logLevel;
    Function<AgentConfig, Object> propagate = AgentConfig::tracesPropagate;
    Function<AgentConfig, Object> metrics = AgentConfig::metricsExporters;
    Function<AgentConfig, Object> traces = AgentConfig::tracesExporters;
    Function<AgentConfig, Object> endpoint = AgentConfig::otlpEndpoint;
    Duration w = Duration.ofSeconds(120);
    Duration d = Duration.ofMillis(100);
    URI local = URI.create("http://localhost:4318");
    return Stream.of(
        Arguments.of(ConfigKey.ENABLED, "yes", "true", enabled, true),
        Arguments.of(ConfigKey.ENABLED, "0", "true", enabled, true),
        Arguments.of(ConfigKey.ENABLED, "truee", "true", enabled, true),
        Arguments.of(ConfigKey.TRACES_PROPAGATE, "on", "false", propagate, false),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, "abc", "9464", port, 9464),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, "-1", "9464", port, 9464),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, "65536", "9464", port, 9464),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, "9464.0", "9464", port, 9464),
        Arguments.of(ConfigKey.PROMETHEUS_PORT, "99999999999", "9464", port, 9464),
        Arguments.of(ConfigKey.BACKOFF_MAX_OPEN_CHAINS, "0", "10000", chains, 10000),
        Arguments.of(ConfigKey.BACKOFF_MAX_OPEN_CHAINS, "-5", "10000", chains, 10000),
        Arguments.of(ConfigKey.BACKOFF_MAX_OPEN_CHAINS, "many", "10000", chains, 10000),
        Arguments.of(ConfigKey.BACKOFF_MAX_OPEN_CHAINS, "2147483648", "10000", chains, 10000),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "120", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "0s", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "0ms", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "-5s", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "1.5s", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "2h", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "5 s", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "PT2M", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_WINDOW, "300000000000000s", "120s", window, w),
        Arguments.of(ConfigKey.BACKOFF_MIN_DELAY, "100", "100ms", minDelay, d),
        Arguments.of(ConfigKey.BACKOFF_MIN_DELAY, "-1ms", "100ms", minDelay, d),
        Arguments.of(ConfigKey.BACKOFF_MIN_DELAY, "ms", "100ms", minDelay, d),
        Arguments.of(ConfigKey.LOG_LEVEL, "verbose", "info", level, AgentLog.Level.INFO),
        Arguments.of(ConfigKey.LOG_LEVEL, "trace", "info", level, AgentLog.Level.INFO),
        Arguments.of(ConfigKey.METRICS_EXPORTER, "jaeger", "prometheus", metrics, EnumSet.of(MetricsExporter.PROMETHEUS)),
        Arguments.of(ConfigKey.METRICS_EXPORTER, "prometheus,jaeger", "prometheus", metrics,
            EnumSet.of(MetricsExporter.PROMETHEUS)),
        Arguments.of(ConfigKey.METRICS_EXPORTER, " , ,", "prometheus", metrics, EnumSet.of(MetricsExporter.PROMETHEUS)),
        Arguments.of(ConfigKey.TRACES_EXPORTER, "zipkin", "none", traces, Set.of()),
        Arguments.of(ConfigKey.TRACES_EXPORTER, "prometheus", "none", traces, Set.of()),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "localhost:4318", "http://localhost:4318", endpoint, local),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "collector", "http://localhost:4318", endpoint, local),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "ftp://collector", "http://localhost:4318", endpoint, local),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "http://", "http://localhost:4318", endpoint, local),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "http://otel_collector:4318", "http://localhost:4318", endpoint, local),
        Arguments.of(ConfigKey.OTLP_ENDPOINT, "http://a b", "http://localhost:4318", endpoint, local));
  }

  @ParameterizedTest
  @MethodSource("malformedValues")
  void aMalformedSystemPropertyWarnsOnceAndTheDefaultIsUsed(ConfigKey key, String value, String defaultText,
      Function<AgentConfig, Object> get, Object defaultValue) {
    AgentConfig config = load(Map.of(key.key(), value), Map.of());
    assertEquals(defaultValue, get.apply(config));
    assertContains(onlyWarning(), key.key(), "\"" + value + "\"", "system property " + key.key(),
        "using the default " + defaultText);
  }

  @ParameterizedTest
  @MethodSource("malformedValues")
  void aMalformedEnvironmentVariableWarnsOnceAndTheDefaultIsUsed(ConfigKey key, String value, String defaultText,
      Function<AgentConfig, Object> get, Object defaultValue) {
    AgentConfig config = load(Map.of(), Map.of(key.envName(), value));
    assertEquals(defaultValue, get.apply(config));
    assertContains(onlyWarning(), key.key(), "\"" + value + "\"", "environment variable " + key.envName(),
        "using the default " + defaultText);
  }

  @ParameterizedTest
  @MethodSource("malformedValues")
  void aMalformedFileValueWarnsOnceAndTheDefaultIsUsed(ConfigKey key, String value, String defaultText,
      Function<AgentConfig, Object> get, Object defaultValue) throws IOException {
    Path file = file(key.key() + "=" + value);
    AgentConfig config = load(Map.of(), Map.of("CURRENTS_AGENT_CONFIG_FILE", file.toString()));
    assertEquals(defaultValue, get.apply(config));
    assertContains(onlyWarning(), key.key(), "\"" + value.trim() + "\"", "file " + file,
        "using the default " + defaultText);
  }

  @Test
  void aMalformedValueFallsBackToTheDefaultNotToTheNextSource() {
    AgentConfig config = load(Map.of(PORT, "abc"), Map.of(PORT_ENV, "2222"));
    assertEquals(9464, config.prometheusPort());
    assertContains(onlyWarning(), PORT, "\"abc\"", "using the default 9464");
  }

  @Test
  void everyMalformedValueGetsItsOwnLine() {
    load(Map.of(PORT, "abc", "currents.agent.backoff.window", "30"), Map.of("CURRENTS_AGENT_ENABLED", "nope"));
    List<String> warnings = warnings();
    assertEquals(3, warnings.size(), warnings::toString);
    assertEquals(1, warnings.stream().filter(w -> w.contains(PORT)).count());
    assertEquals(1, warnings.stream().filter(w -> w.contains("currents.agent.backoff.window")).count());
    assertEquals(1, warnings.stream().filter(w -> w.contains("CURRENTS_AGENT_ENABLED")).count());
  }

  @Test
  void logLevelOffSilencesConfigurationWarnings() {
    AgentConfig config = load(Map.of("currents.agent.log.level", "off", PORT, "abc", "currents.agent.typo", "x"),
        Map.of());
    assertEquals(AgentLog.Level.OFF, config.logLevel());
    assertEquals(9464, config.prometheusPort());
    assertEquals(List.of(), warnings());
  }

  @Test
  void loadingDoesNotApplyTheLogLevel() {
    load(Map.of("currents.agent.log.level", "debug"), Map.of());
    assertEquals(AgentLog.Level.INFO, AgentLog.level());
  }

  @Test
  void boundaryValuesAreAccepted() {
    assertEquals(65535, load(Map.of(PORT, "65535"), Map.of()).prometheusPort());
    assertEquals(0, load(Map.of(PORT, "0"), Map.of()).prometheusPort());
    assertEquals(Duration.ofMillis(1), load(Map.of("currents.agent.backoff.window", "1ms"), Map.of()).backoffWindow());
    assertEquals(Integer.MAX_VALUE,
        load(Map.of("currents.agent.backoff.max-open-chains", "2147483647"), Map.of()).backoffMaxOpenChains());
    assertEquals(List.of(), warnings());
  }

  /** min-delay 0 is allowed on purpose: no retry is then too soon, which turns the no_backoff check off. */
  @Test
  void aZeroMinDelayIsAllowed() {
    assertEquals(Duration.ZERO, load(Map.of("currents.agent.backoff.min-delay", "0ms"), Map.of()).backoffMinDelay());
    assertEquals(Duration.ZERO, load(Map.of("currents.agent.backoff.min-delay", "0s"), Map.of()).backoffMinDelay());
    assertEquals(List.of(), warnings());
  }

  @Test
  void theLogLevelCanBeEveryLevel() {
    for (AgentLog.Level level : AgentLog.Level.values()) {
      assertEquals(level, load(Map.of("currents.agent.log.level", level.name().toLowerCase()), Map.of()).logLevel());
    }
  }

  // ---------------------------------------------------------------- exporters

  @Test
  void noneMeansNoExporter() {
    AgentConfig config = load(Map.of("currents.agent.metrics.exporter", "NONE", "currents.agent.traces.exporter", "none",
        "currents.agent.otlp.endpoint", "http://collector:4318"), Map.of());
    assertEquals(Set.of(), config.metricsExporters());
    assertEquals(Set.of(), config.tracesExporters());
    assertEquals(List.of(), warnings());
  }

  @Test
  void noneWithOtherExportersWarnsAndMeansNone() {
    AgentConfig config = load(Map.of("currents.agent.metrics.exporter", "prometheus, none"), Map.of());
    assertEquals(Set.of(), config.metricsExporters());
    assertContains(onlyWarning(), "currents.agent.metrics.exporter", "\"prometheus, none\"",
        "system property currents.agent.metrics.exporter", "using none");
  }

  @Test
  void noneWithOtherTracesExportersWarnsAndMeansNone() {
    AgentConfig config = load(Map.of(), Map.of("CURRENTS_AGENT_TRACES_EXPORTER", "otlp,none,logging",
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertEquals(Set.of(), config.tracesExporters());
    assertContains(onlyWarning(), "currents.agent.traces.exporter", "environment variable", "using none");
  }

  @Test
  void repeatedExportersAreOne() {
    assertEquals(EnumSet.of(MetricsExporter.OTLP),
        load(Map.of("currents.agent.metrics.exporter", "otlp,OTLP"), Map.of()).metricsExporters());
    assertEquals(List.of(), warnings());
  }

  @Test
  void tracesGoToOtlpByDefaultWhenTheCurrentsEndpointIsSet() {
    assertEquals(EnumSet.of(TracesExporter.OTLP),
        load(Map.of("currents.agent.otlp.endpoint", "http://collector:4318"), Map.of()).tracesExporters());
    assertEquals(EnumSet.of(TracesExporter.OTLP),
        load(Map.of(), Map.of("CURRENTS_AGENT_OTLP_ENDPOINT", "http://collector:4318")).tracesExporters());
  }

  @Test
  void tracesGoToOtlpByDefaultWhenTheEndpointIsSetInTheFile() throws IOException {
    Path file = file("currents.agent.otlp.endpoint=http://collector:4318");
    assertEquals(EnumSet.of(TracesExporter.OTLP),
        load(Map.of("currents.agent.config.file", file.toString()), Map.of()).tracesExporters());
  }

  @Test
  void tracesGoToOtlpByDefaultWhenTheOtelEndpointIsSet() {
    AgentConfig config = load(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertEquals(EnumSet.of(TracesExporter.OTLP), config.tracesExporters());
    assertEquals(URI.create("http://collector:4318"), config.otlpEndpoint());
  }

  @Test
  void tracesGoNowhereByDefaultWithoutAnEndpoint() {
    assertEquals(Set.of(), load(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")).tracesExporters());
  }

  @Test
  void anExplicitTracesExporterBeatsTheEndpointDefault() {
    AgentConfig config = load(Map.of("currents.agent.traces.exporter", "logging"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertEquals(EnumSet.of(TracesExporter.LOGGING), config.tracesExporters());
  }

  @Test
  void aMalformedTracesExporterFallsBackToOtlpWhenAnEndpointIsSet() {
    AgentConfig config = load(Map.of("currents.agent.traces.exporter", "zipkin"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"));
    assertEquals(EnumSet.of(TracesExporter.OTLP), config.tracesExporters());
    assertContains(onlyWarning(), "currents.agent.traces.exporter", "\"zipkin\"", "using the default otlp");
  }

  // ---------------------------------------------------------------- OTEL_* fallbacks

  @Test
  void theServiceNameFallsBackToOtelServiceName() {
    assertEquals("orders", load(Map.of(), Map.of("OTEL_SERVICE_NAME", " orders ")).serviceName());
    assertEquals("mine", load(Map.of(), Map.of("OTEL_SERVICE_NAME", "orders", "CURRENTS_AGENT_SERVICE_NAME", "mine"))
        .serviceName());
    assertEquals("unknown_service:java", load(Map.of(), Map.of("OTEL_SERVICE_NAME", "")).serviceName());
    assertEquals("unknown_service:java", load(Map.of("OTEL_SERVICE_NAME", "orders"), Map.of()).serviceName());
  }

  @Test
  void theCurrentsEndpointBeatsTheOtelOne() {
    AgentConfig config = load(Map.of("currents.agent.otlp.endpoint", "http://mine:4318"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318"));
    assertEquals(URI.create("http://mine:4318"), config.otlpEndpoint());
  }

  @Test
  void aMalformedCurrentsEndpointFallsBackToTheOtelOne() {
    AgentConfig config = load(Map.of("currents.agent.otlp.endpoint", "mine:4318"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel:4318"));
    assertEquals(URI.create("http://otel:4318"), config.otlpEndpoint());
    assertContains(onlyWarning(), "\"mine:4318\"", "using the default http://otel:4318");
  }

  @Test
  void aMalformedOtelEndpointWarnsAndFallsBackToLocalhostButStillMeansOtlpTraces() {
    AgentConfig config = load(Map.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "otel:4318"));
    assertEquals(URI.create("http://localhost:4318"), config.otlpEndpoint());
    assertEquals(EnumSet.of(TracesExporter.OTLP), config.tracesExporters());
    assertContains(onlyWarning(), "currents.agent.otlp.endpoint", "\"otel:4318\"",
        "environment variable OTEL_EXPORTER_OTLP_ENDPOINT", "using the default http://localhost:4318");
  }

  @Test
  void aMalformedOtelEndpointIsNotReportedWhenTheCurrentsOneOverridesIt() {
    load(Map.of("currents.agent.otlp.endpoint", "http://mine:4318"), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "otel"));
    assertEquals(List.of(), warnings());
  }

  @Test
  void userInfoIsNeverEchoed() {
    load(Map.of("currents.agent.otlp.endpoint", "ftp://alice:s3cret@collector:4318"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://bob:hunter2@otel:4318"));
    String warning = onlyWarning();
    assertFalse(warning.contains("s3cret") || warning.contains("alice"), warning);
    assertFalse(warning.contains("hunter2") || warning.contains("bob"), warning);
    assertContains(warning, "\"ftp://collector:4318\"", "using the default http://otel:4318");
  }

  @Test
  void theEndpointKeepsItsUserInfoForTheExporter() {
    URI endpoint = load(Map.of("currents.agent.otlp.endpoint", "https://u:p@collector"), Map.of()).otlpEndpoint();
    assertEquals("u:p", endpoint.getUserInfo());
    assertEquals("collector", endpoint.getHost());
  }

  // ---------------------------------------------------------------- unknown keys

  @Test
  void anUnknownSystemPropertyUnderThePrefixWarnsWithASuggestion() {
    AgentConfig config = load(Map.of("currents.agent.prometheus.prot", "1111", "java.version", "17"), Map.of());
    assertContains(onlyWarning(), "unknown key currents.agent.prometheus.prot", "system property",
        "did you mean currents.agent.prometheus.port?");
    assertEquals(9464, config.prometheusPort());
  }

  @Test
  void anUnknownKeyFarFromEveryKnownOneGetsNoSuggestion() {
    load(Map.of("currents.agent.something.else.entirely", "x"), Map.of());
    String warning = onlyWarning();
    assertContains(warning, "currents.agent.something.else.entirely");
    assertFalse(warning.contains("did you mean"), warning);
  }

  @Test
  void everyUnknownKeyInTheFileWarnsOnce() throws IOException {
    Path file = file("currents.agent.metrics.exporters=otlp", "CURRENTS_AGENT_BACKOFF_MIN_DELAY=5s", "other=1",
        "currents.agent.hosts=example.com");
    AgentConfig config = load(Map.of("currents.agent.config.file", file.toString()), Map.of());
    List<String> warnings = warnings();
    assertEquals(3, warnings.size(), warnings::toString);
    String joined = String.join("\n", warnings);
    assertContains(joined, "unknown key currents.agent.metrics.exporters in file " + file
        + "; did you mean currents.agent.metrics.exporter?");
    assertContains(joined, "unknown key CURRENTS_AGENT_BACKOFF_MIN_DELAY in file " + file
        + "; did you mean currents.agent.backoff.min-delay?");
    assertContains(joined, "unknown key other in file " + file);
    assertEquals("example.com", config.hosts());
    assertEquals(EnumSet.of(MetricsExporter.PROMETHEUS), config.metricsExporters());
  }

  @Test
  void environmentVariablesAreNotCheckedForUnknownKeys() {
    // Kubernetes sets CURRENTS_AGENT_PORT and friends for a service named currents-agent.
    load(Map.of(), Map.of("CURRENTS_AGENT_PORT", "tcp://10.0.0.1:80", "CURRENTS_AGENT_SERVICE_HOST", "10.0.0.1"));
    assertEquals(List.of(), warnings());
  }

  // ---------------------------------------------------------------- switching one instrumentation off

  private static final List<String> INSTRUMENTATIONS = List.of("okhttp", "apache-httpclient-5");

  @Test
  void everyInstrumentationIsOnByDefault() {
    AgentConfig config = AgentConfig.load(Map.of(), Map.of(), INSTRUMENTATIONS);
    assertTrue(config.instrumentationEnabled("okhttp"));
    assertTrue(config.instrumentationEnabled("apache-httpclient-5"));
    assertEquals(List.of(), warnings());
  }

  @Test
  void oneInstrumentationIsSwitchedOffFromEachSourceInOrderOfPrecedence() throws IOException {
    Path file = file("currents.agent.instrumentation.okhttp.enabled=false",
        "currents.agent.instrumentation.apache-httpclient-5.enabled=false");
    AgentConfig config = AgentConfig.load(
        Map.of("currents.agent.config.file", file.toString(), "currents.agent.instrumentation.okhttp.enabled", "true"),
        Map.of("CURRENTS_AGENT_INSTRUMENTATION_APACHE_HTTPCLIENT_5_ENABLED", "FALSE"),
        INSTRUMENTATIONS);
    assertTrue(config.instrumentationEnabled("okhttp"), "the system property wins over the file");
    assertFalse(config.instrumentationEnabled("apache-httpclient-5"));
    assertEquals(List.of(), warnings());
  }

  @Test
  void aMalformedSwitchLeavesItsInstrumentationOnWithOneWarning() {
    AgentConfig config = AgentConfig.load(
        Map.of("currents.agent.instrumentation.okhttp.enabled", "nope"), Map.of(), INSTRUMENTATIONS);
    assertTrue(config.instrumentationEnabled("okhttp"));
    assertContains(onlyWarning(), "currents.agent.instrumentation.okhttp.enabled", "\"nope\"", "system property",
        "using the default true");
  }

  @Test
  void aSwitchForAnInstrumentationTheAgentLacksWarnsWithTheClosestName() {
    AgentConfig config = AgentConfig.load(
        Map.of("currents.agent.instrumentation.okhtp.enabled", "false"), Map.of(), INSTRUMENTATIONS);
    assertContains(onlyWarning(), "unknown key currents.agent.instrumentation.okhtp.enabled",
        "did you mean currents.agent.instrumentation.okhttp.enabled?");
    assertTrue(config.instrumentationEnabled("okhttp"));
  }

  // ---------------------------------------------------------------- the real JVM

  @Test
  void fromSystemReadsSystemProperties() {
    System.setProperty("currents.agent.backoff.max-open-chains", "77");
    try {
      assertEquals(77, AgentConfig.fromSystem(List.of()).backoffMaxOpenChains());
    } finally {
      System.clearProperty("currents.agent.backoff.max-open-chains");
    }
  }

  @ParameterizedTest
  @EnumSource(value = ConfigKey.class, names = "CONFIG_FILE", mode = EnumSource.Mode.EXCLUDE)
  void everyDefaultTextIsValidForItsOwnKey(ConfigKey key) {
    load(Map.of(key.key(), key.defaultValue()), Map.of());
    assertEquals(List.of(), warnings());
  }
}
