package dev.currents.agent.config;

import static dev.currents.agent.config.ConfigKey.BACKOFF_MAX_OPEN_CHAINS;
import static dev.currents.agent.config.ConfigKey.BACKOFF_MIN_DELAY;
import static dev.currents.agent.config.ConfigKey.BACKOFF_WINDOW;
import static dev.currents.agent.config.ConfigKey.CONFIG_FILE;
import static dev.currents.agent.config.ConfigKey.ENABLED;
import static dev.currents.agent.config.ConfigKey.HOSTS;
import static dev.currents.agent.config.ConfigKey.LOG_LEVEL;
import static dev.currents.agent.config.ConfigKey.METRICS_EXPORTER;
import static dev.currents.agent.config.ConfigKey.OTLP_ENDPOINT;
import static dev.currents.agent.config.ConfigKey.PROMETHEUS_HOST;
import static dev.currents.agent.config.ConfigKey.PROMETHEUS_PORT;
import static dev.currents.agent.config.ConfigKey.SERVICE_NAME;
import static dev.currents.agent.config.ConfigKey.TRACES_EXPORTER;
import static dev.currents.agent.config.ConfigKey.TRACES_PROPAGATE;

import dev.currents.agent.bootstrap.AgentLog;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One loading of the configuration: finds each key's text in the sources in order of precedence, parses it,
 * and collects one warning per problem. Warnings are printed at the end, unless the loaded log level is
 * {@code off}: a user who turned the agent's log off hears nothing from it, not even about its configuration.
 *
 * <p>A value that is blank (empty or only whitespace) counts as not given in that source, so the next
 * source applies; that is how OpenTelemetry treats {@code FOO=} in an environment, and how a
 * {@code ${FOO}} left empty by a deployment template should behave.
 */
final class ConfigLoader {

  static final String OTEL_EXPORTER_OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  private static final String PREFIX = "currents.agent.";
  private static final String INSTRUMENTATION_PREFIX = PREFIX + "instrumentation.";
  private static final String INSTRUMENTATION_SUFFIX = ".enabled";
  /** An unknown key within this edit distance of a known one gets a "did you mean". */
  private static final int SUGGESTION_DISTANCE = 3;

  /** A value as the user wrote it and where: {@code system property currents.agent.x}, {@code file /etc/a}. */
  private static final class Raw {
    final String value;
    final String origin;

    Raw(String value, String origin) {
      this.value = value;
      this.origin = origin;
    }
  }

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private Map<String, String> file = Collections.emptyMap();
  private String fileOrigin = "";
  private final List<String> warnings = new ArrayList<>();
  /** The keys {@code currents.agent.instrumentation.<name>.enabled} of the agent's instrumentations. */
  private final List<String> instrumentationKeys = new ArrayList<>();

  ConfigLoader(
      Map<String, String> systemProperties, Map<String, String> environment, Collection<String> instrumentations) {
    this.systemProperties = systemProperties == null ? Collections.emptyMap() : systemProperties;
    this.environment = environment == null ? Collections.emptyMap() : environment;
    for (String name : instrumentations) {
      instrumentationKeys.add(INSTRUMENTATION_PREFIX + name + INSTRUMENTATION_SUFFIX);
    }
  }

  AgentConfig load() {
    Path configFile = readConfigFile();
    warnUnknownKeys(systemProperties, "system property", true);
    warnUnknownKeys(file, fileOrigin, false);

    boolean endpointConfigured = resolve(OTLP_ENDPOINT) != null || present(environment.get(OTEL_EXPORTER_OTLP_ENDPOINT));
    AgentConfig config = new AgentConfig(
        get(ENABLED, ValueParsers::parseBoolean),
        configFile,
        get(HOSTS, String::trim),
        serviceName(),
        exporters(METRICS_EXPORTER, MetricsExporter.class, METRICS_EXPORTER.defaultValue()),
        get(PROMETHEUS_HOST, String::trim),
        get(PROMETHEUS_PORT, text -> ValueParsers.parseInt(text, 0, 65535)),
        exporters(TRACES_EXPORTER, TracesExporter.class,
            endpointConfigured ? TracesExporter.OTLP.name().toLowerCase(Locale.ROOT) : TRACES_EXPORTER.defaultValue()),
        get(OTLP_ENDPOINT, ValueParsers::parseHttpUrl, this::defaultOtlpEndpoint),
        get(TRACES_PROPAGATE, ValueParsers::parseBoolean),
        get(BACKOFF_WINDOW, ValueParsers::parsePositiveDuration),
        // 0ms is allowed: no retry is then ever too soon, which turns the no_backoff check off.
        get(BACKOFF_MIN_DELAY, ValueParsers::parseDuration),
        get(BACKOFF_MAX_OPEN_CHAINS, text -> ValueParsers.parseInt(text, 1, Integer.MAX_VALUE)),
        get(LOG_LEVEL, ValueParsers::parseLevel),
        disabledInstrumentations());

    if (config.logLevel() != AgentLog.Level.OFF) {
      for (String warning : warnings) {
        AgentLog.warn(warning);
      }
    }
    return config;
  }

  /** The key's text from the first source that has it, or {@code null}. */
  private Raw resolve(ConfigKey key) {
    return resolve(key.key(), key.envName());
  }

  private Raw resolve(String key, String envName) {
    String value = systemProperties.get(key);
    if (present(value)) {
      return new Raw(value, "system property " + key);
    }
    value = environment.get(envName);
    if (present(value)) {
      return new Raw(value, "environment variable " + envName);
    }
    value = file.get(key);
    if (present(value)) {
      return new Raw(value, fileOrigin);
    }
    return null;
  }

  /** The instrumentations switched off; a malformed switch leaves its instrumentation on, with a warning. */
  private Set<String> disabledInstrumentations() {
    Set<String> disabled = new HashSet<>();
    for (String key : instrumentationKeys) {
      Raw raw = resolve(key, ConfigKey.envName(key));
      if (raw == null) {
        continue;
      }
      try {
        if (!ValueParsers.parseBoolean(raw.value)) {
          disabled.add(key.substring(INSTRUMENTATION_PREFIX.length(), key.length() - INSTRUMENTATION_SUFFIX.length()));
        }
      } catch (IllegalArgumentException e) {
        malformed(key, raw, e.getMessage(), "true");
      }
    }
    return Collections.unmodifiableSet(disabled);
  }

  private <T> T get(ConfigKey key, Function<String, T> parser) {
    return get(key, parser, key::defaultValue);
  }

  /** The parsed value of {@code key}, or of its default text when the key is absent or malformed. */
  private <T> T get(ConfigKey key, Function<String, T> parser, Supplier<String> defaultText) {
    Raw raw = resolve(key);
    if (raw != null) {
      try {
        return parser.apply(raw.value);
      } catch (IllegalArgumentException e) {
        String fallback = defaultText.get();
        malformed(key, raw, e.getMessage(), fallback);
        return parser.apply(fallback);
      }
    }
    return parser.apply(defaultText.get());
  }

  /** A comma list of exporters; {@code none} with others is a warning and means none. */
  private <E extends Enum<E>> Set<E> exporters(ConfigKey key, Class<E> type, String defaultText) {
    Raw raw = resolve(key);
    EnumSet<E> exporters;
    if (raw == null) {
      exporters = ValueParsers.toExporters(ValueParsers.parseList(defaultText), type);
    } else {
      try {
        Set<String> names = ValueParsers.parseList(raw.value);
        exporters = ValueParsers.toExporters(names, type);
        if (names.contains(ValueParsers.NONE) && names.size() > 1) {
          warnings.add(key.key() + ": " + ValueParsers.echo(raw.value) + " from " + raw.origin
              + " combines none with other exporters; using none");
          exporters.clear();
        }
      } catch (IllegalArgumentException e) {
        malformed(key, raw, e.getMessage(), defaultText);
        exporters = ValueParsers.toExporters(ValueParsers.parseList(defaultText), type);
      }
    }
    return Collections.unmodifiableSet(exporters);
  }

  /**
   * {@code currents.agent.service.name}, else OpenTelemetry's, both known now; else the application's own name
   * or its main jar's, which {@link ServiceNames#detect()} reads from files when the name is first asked for:
   * on the agent's start thread, not in {@code premain}.
   */
  private AgentConfig.ServiceName serviceName() {
    Raw raw = resolve(SERVICE_NAME);
    if (raw != null) {
      return AgentConfig.ServiceName.known(raw.value.trim(), raw.origin);
    }
    ServiceNames names = new ServiceNames(systemProperties, environment, AgentLog::warn);
    String otel = names.openTelemetry();
    if (otel != null) {
      return AgentConfig.ServiceName.known(otel, names.source());
    }
    return AgentConfig.ServiceName.detected(names);
  }

  /** {@code OTEL_EXPORTER_OTLP_ENDPOINT} when it is set and valid (warning when it is not), else the default. */
  private String defaultOtlpEndpoint() {
    String otel = environment.get(OTEL_EXPORTER_OTLP_ENDPOINT);
    if (present(otel)) {
      try {
        ValueParsers.parseHttpUrl(otel);
        return otel;
      } catch (IllegalArgumentException e) {
        malformed(OTLP_ENDPOINT, new Raw(otel, "environment variable " + OTEL_EXPORTER_OTLP_ENDPOINT),
            e.getMessage(), OTLP_ENDPOINT.defaultValue());
      }
    }
    return OTLP_ENDPOINT.defaultValue();
  }

  private void malformed(ConfigKey key, Raw raw, String reason, String defaultText) {
    malformed(key.key(), raw, reason, defaultText);
  }

  private void malformed(String key, Raw raw, String reason, String defaultText) {
    warnings.add(key + ": ignoring " + ValueParsers.echo(raw.value) + " from " + raw.origin + ": " + reason
        + "; using the default " + ValueParsers.withoutUserInfo(defaultText));
  }

  /** Reads the file named by {@code currents.agent.config.file}, if any, into {@link #file}; returns its path. */
  private Path readConfigFile() {
    Raw raw = resolve(CONFIG_FILE); // the file itself is not read yet, so only the system property and env count
    if (raw == null) {
      return null;
    }
    Path path;
    try {
      path = Paths.get(raw.value.trim());
    } catch (InvalidPathException e) {
      warnings.add(CONFIG_FILE.key() + ": ignoring " + ValueParsers.echo(raw.value) + " from " + raw.origin
          + ": not a valid path; using no configuration file");
      return null;
    }
    try {
      file = ValueParsers.readProperties(path);
      fileOrigin = "file " + path;
    } catch (IOException | RuntimeException e) {
      warnings.add("cannot read the configuration file " + path + " named by " + raw.origin + ": " + reason(e)
          + "; using the other sources");
    }
    return path;
  }

  private static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** One warning per key of {@code source} that is not a known key; system properties only under {@value PREFIX}. */
  private void warnUnknownKeys(Map<String, String> source, String origin, boolean onlyPrefixed) {
    Set<String> names = new TreeSet<>();
    for (String name : source.keySet()) {
      if (name != null && (!onlyPrefixed || name.startsWith(PREFIX))) {
        names.add(name);
      }
    }
    for (String name : names) {
      ConfigKey key = ConfigKey.forKey(name);
      if (key == CONFIG_FILE && !onlyPrefixed) {
        warnings.add(CONFIG_FILE.key() + " has no effect inside a configuration file (" + origin + ")");
      } else if (key == null && !instrumentationKeys.contains(name)) {
        warnings.add("unknown key " + name + " in " + origin + suggestion(name));
      }
    }
  }

  /** {@code "; did you mean currents.agent.x?"} for the closest known key, or "" when none is close. */
  private String suggestion(String unknown) {
    String normalized = unknown.toLowerCase(Locale.ROOT).replace('_', '.');
    List<String> known = new ArrayList<>(instrumentationKeys);
    for (ConfigKey key : ConfigKey.values()) {
      known.add(key.key());
    }
    String best = null;
    int bestDistance = SUGGESTION_DISTANCE + 1;
    for (String key : known) {
      int distance = ValueParsers.distance(normalized, key);
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    return best == null ? "" : "; did you mean " + best + "?";
  }

  private static boolean present(String value) {
    return value != null && !value.trim().isEmpty();
  }
}
