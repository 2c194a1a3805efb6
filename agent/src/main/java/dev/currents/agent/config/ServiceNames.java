package dev.currents.agent.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where {@code service.name} comes from when {@code currents.agent.service.name} is not set, in the order users
 * expect from OpenTelemetry and their framework (README, Configuration):
 *
 * <ol>
 *   <li>OpenTelemetry's settings: {@code otel.service.name} / {@code OTEL_SERVICE_NAME}, then {@code service.name}
 *       in {@code otel.resource.attributes} / {@code OTEL_RESOURCE_ATTRIBUTES} ({@link #openTelemetry()});
 *   <li>the application's own name where its framework declares it: {@code spring.application.name},
 *       {@code quarkus.application.name}, {@code micronaut.application.name}, as a system property, in its
 *       environment form ({@code SPRING_APPLICATION_NAME}, ...), then in {@code application.properties},
 *       {@code .yml} or {@code .yaml} in the working directory's {@code config/} and itself, the main jar
 *       (Spring Boot's {@code BOOT-INF/classes/} included; for Quarkus' fast-jar, the name in its launcher's
 *       manifest, {@link #quarkusApplicationName}), the class path's directories and its first jars;
 *   <li>the main jar's name without {@code .jar} ({@code java -jar orders-service.jar}: {@code orders-service});
 *   <li>{@code unknown_service:java}.
 * </ol>
 *
 * The files are read as bytes from the file system and zip entries, never through a class loader, so neither
 * the application's classes nor its class loading are touched; every read is bounded ({@link #MAX_FILE_BYTES},
 * {@link #MAX_JARS} jars). The file sources ({@link #detect()}) run on the agent's start thread, not in
 * {@code premain}. A file that cannot be read gets one warning and the next source is tried.
 */
final class ServiceNames {

  static final String UNKNOWN = "unknown_service:java";
  /** An application's configuration file is a few kilobytes; one this large is not one to read at start. */
  static final int MAX_FILE_BYTES = 256 * 1024;
  /**
   * Jars of the class path looked into, from its start: the application's own comes first in the usual launch
   * scripts ({@code -cp app.jar:lib/*}); the hundreds of dependency jars after it are not opened.
   */
  static final int MAX_JARS = 4;
  /** Class path entries considered at all (directories cost a stat each). */
  static final int MAX_CLASS_PATH_ENTRIES = 256;

  private static final String[] FRAMEWORK_KEYS = {
    "spring.application.name", "quarkus.application.name", "micronaut.application.name"
  };
  private static final String[] FILES = {"application.properties", "application.yml", "application.yaml"};
  /** Where a container holds them: Spring's config/ first, then its root; a Spring Boot jar or war inside. */
  private static final String[] DIRECTORY_PREFIXES = {"config/", ""};
  /** The Main-Class of {@code quarkus-app/quarkus-run.jar}, Quarkus' fast-jar launcher. */
  private static final String QUARKUS_LAUNCHER = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
  private static final String[] JAR_PREFIXES = {
    "BOOT-INF/classes/config/", "BOOT-INF/classes/", "WEB-INF/classes/config/", "WEB-INF/classes/", "config/", ""
  };

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Consumer<String> warn;
  /** Where the last name found came from, for the debug line. */
  private String source = "the default";

  ServiceNames(Map<String, String> systemProperties, Map<String, String> environment, Consumer<String> warn) {
    this.systemProperties = systemProperties == null ? Collections.emptyMap() : systemProperties;
    this.environment = environment == null ? Collections.emptyMap() : environment;
    this.warn = warn;
  }

  /** Where the name {@link #openTelemetry()} or {@link #detect()} returned last came from. */
  String source() {
    return source;
  }

  /**
   * OpenTelemetry's own settings, system property before environment as its SDK reads them; null when none.
   * Cheap (map lookups), so it runs with the rest of the configuration.
   */
  String openTelemetry() {
    String name = first("system property otel.service.name", systemProperties.get("otel.service.name"));
    if (name == null) {
      name = first("environment variable OTEL_SERVICE_NAME", environment.get("OTEL_SERVICE_NAME"));
    }
    if (name == null) {
      name = resourceAttribute("system property otel.resource.attributes",
          systemProperties.get("otel.resource.attributes"));
    }
    if (name == null) {
      name = resourceAttribute("environment variable OTEL_RESOURCE_ATTRIBUTES",
          environment.get("OTEL_RESOURCE_ATTRIBUTES"));
    }
    return name;
  }

  /** The application's name from its framework, else its main jar's, else {@link #UNKNOWN}. Never null. */
  String detect() {
    for (String key : FRAMEWORK_KEYS) {
      String name = first("system property " + key, resolved(systemProperties.get(key)));
      if (name == null) {
        String env = ConfigKey.envName(key);
        name = first("environment variable " + env, resolved(environment.get(env)));
      }
      if (name != null) {
        return name;
      }
    }
    String name = fromFiles();
    if (name != null) {
      return name;
    }
    Path mainJar = mainJar();
    if (mainJar != null) {
      String file = mainJar.getFileName().toString();
      source = "the main jar " + mainJar;
      return file.substring(0, file.length() - ".jar".length());
    }
    source = "the default";
    return UNKNOWN;
  }

  private String first(String origin, String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    source = origin;
    return value.trim();
  }

  /** {@code service.name} in a W3C-baggage-like list {@code k=v,k2=v2}, values percent-encoded. */
  private String resourceAttribute(String origin, String attributes) {
    if (attributes == null) {
      return null;
    }
    for (String pair : attributes.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equals("service.name")) {
        try {
          return first(origin, percentDecoded(pair.substring(eq + 1).trim()));
        } catch (IllegalArgumentException e) {
          warn.accept("service.name: ignoring service.name in " + origin + ": " + e.getMessage()
              + "; trying the next source");
          return null;
        }
      }
    }
    return null;
  }

  private static String percentDecoded(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("a truncated %-escape");
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("a malformed %-escape");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return strictUtf8(bytes.toByteArray());
  }

  /**
   * {@code ${NAME}} and {@code ${NAME:default}} in a value, from system properties and the environment (exact,
   * then Spring's relaxed form {@code NAME_IN_CAPS}); null when a placeholder resolves to nothing.
   */
  private String resolved(String value) {
    if (value == null || value.indexOf("${") < 0) {
      return value;
    }
    Matcher matcher = Placeholder.PATTERN.matcher(value);
    StringBuffer out = new StringBuffer();
    while (matcher.find()) {
      String name = matcher.group(1).trim();
      String replacement = systemProperties.get(name);
      if (replacement == null) {
        replacement = environment.get(name);
      }
      if (replacement == null) {
        replacement = environment.get(ConfigKey.envName(name));
      }
      if (replacement == null) {
        replacement = matcher.group(2);
      }
      if (replacement == null) {
        return null;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The first framework name in the application's configuration files, in the order of the class comment. */
  private String fromFiles() {
    String workingDirectory = systemProperties.get("user.dir");
    if (workingDirectory != null) {
      String name = fromDirectory(workingDirectory);
      if (name != null) {
        return name;
      }
    }
    Path mainJar = mainJar();
    if (mainJar != null) {
      String name = fromJar(mainJar);
      if (name == null) {
        name = quarkusApplicationName(mainJar);
      }
      if (name != null) {
        return name;
      }
    }
    String classPath = systemProperties.get("java.class.path");
    if (classPath == null) {
      return null;
    }
    String[] entries = classPath.split(Pattern.quote(File.pathSeparator));
    int jars = 0;
    for (int i = 0; i < entries.length && i < MAX_CLASS_PATH_ENTRIES; i++) {
      Path entry = path(entries[i]);
      if (entry == null || entry.equals(mainJar)) {
        continue;
      }
      String name = null;
      if (Files.isDirectory(entry)) {
        name = fromDirectory(entries[i]);
      } else if (isJar(entry) && jars++ < MAX_JARS) {
        name = fromJar(entry);
      }
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  private String fromDirectory(String directory) {
    Path dir = path(directory);
    if (dir == null) {
      return null;
    }
    for (String prefix : DIRECTORY_PREFIXES) {
      for (String file : FILES) {
        Path candidate = dir.resolve(prefix + file);
        if (!Files.isRegularFile(candidate)) {
          continue;
        }
        String where = candidate.toString();
        try {
          if (Files.size(candidate) > MAX_FILE_BYTES) {
            warn.accept("service.name: not reading " + where + ": larger than " + MAX_FILE_BYTES / 1024
                + " KiB; trying the next source");
            continue;
          }
          String name = nameIn(file, Files.readAllBytes(candidate), where);
          if (name != null) {
            return name;
          }
        } catch (IOException | RuntimeException e) {
          warn.accept("service.name: cannot read " + where + " (" + reason(e) + "); trying the next source");
        }
      }
    }
    return null;
  }

  private String fromJar(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String prefix : JAR_PREFIXES) {
        for (String file : FILES) {
          ZipEntry entry = zip.getEntry(prefix + file);
          if (entry == null || entry.isDirectory()) {
            continue;
          }
          String where = jar + "!/" + entry.getName();
          try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = readBounded(in);
            if (bytes == null) {
              warn.accept("service.name: not reading " + where + ": larger than " + MAX_FILE_BYTES / 1024
                  + " KiB; trying the next source");
              continue;
            }
            String name = nameIn(file, bytes, where);
            if (name != null) {
              return name;
            }
          } catch (IOException | RuntimeException e) {
            warn.accept("service.name: cannot read " + where + " (" + reason(e) + "); trying the next source");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      warn.accept("service.name: cannot open " + jar + " (" + reason(e) + "); trying the next source");
    }
    return null;
  }

  /**
   * Quarkus' fast-jar launcher, {@code quarkus-run.jar}, holds none of the application's files (they are in
   * {@code app/} beside it), but Quarkus writes the application's name into its manifest as
   * {@code Implementation-Title}: {@code quarkus.application.name}, else the Maven artifactId, the name Quarkus itself
   * gives the service. Null for any other jar. Nothing is reported: the JVM launched from this jar, so its manifest
   * parses, and a jar that cannot be opened has been reported by {@link #fromJar}.
   */
  private String quarkusApplicationName(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry("META-INF/MANIFEST.MF");
      if (entry == null) {
        return null;
      }
      byte[] bytes;
      try (InputStream in = zip.getInputStream(entry)) {
        bytes = readBounded(in);
      }
      if (bytes == null) {
        return null;
      }
      Attributes attributes = new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
      if (!QUARKUS_LAUNCHER.equals(attributes.getValue(Attributes.Name.MAIN_CLASS))) {
        return null;
      }
      return first("Implementation-Title of the Quarkus launcher " + jar,
          attributes.getValue(Attributes.Name.IMPLEMENTATION_TITLE));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The framework name in one file's bytes, or null; throws IllegalArgumentException when it is malformed. */
  private String nameIn(String file, byte[] bytes, String where) throws IOException {
    Map<String, String> values;
    if (file.endsWith(".properties")) {
      // Spring Boot, Quarkus and Micronaut read .properties as ISO-8859-1 with \\u escapes, as Properties does.
      Properties properties = new Properties();
      properties.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
      values = new java.util.HashMap<>();
      for (String key : FRAMEWORK_KEYS) {
        String value = properties.getProperty(key);
        if (value != null) {
          values.put(key, value);
        }
      }
    } else {
      values = YamlKeys.read(strictUtf8(bytes));
    }
    for (String key : FRAMEWORK_KEYS) {
      String name = first(key + " in " + where, resolved(values.get(key)));
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  /** The main jar of {@code java -jar x.jar}, as {@code sun.java.command} says; null for a main class. */
  private Path mainJar() {
    String command = systemProperties.get("sun.java.command");
    if (command == null || command.trim().isEmpty()) {
      return null;
    }
    String first = command.trim().split(" ", 2)[0];
    if (!first.toLowerCase(Locale.ROOT).endsWith(".jar")) {
      return null;
    }
    Path jar = path(first);
    if (jar == null) {
      return null;
    }
    String workingDirectory = systemProperties.get("user.dir");
    if (!jar.isAbsolute() && workingDirectory != null) {
      Path dir = path(workingDirectory);
      if (dir != null) {
        jar = dir.resolve(jar);
      }
    }
    return jar.normalize();
  }

  private static boolean isJar(Path entry) {
    String name = entry.getFileName() == null ? "" : entry.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".jar") || name.endsWith(".war")) && Files.isRegularFile(entry);
  }

  private static Path path(String text) {
    try {
      return text == null || text.isEmpty() ? null : Paths.get(text);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** At most MAX_FILE_BYTES of the stream; null when it holds more. */
  private static byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      if (out.size() > MAX_FILE_BYTES) {
        return null;
      }
    }
    return out.toByteArray();
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * {@code ${name}} and {@code ${name:default}} in a framework's value; compiled on first use, on the start thread,
   * not where the configuration is read in {@code premain}.
   */
  private static final class Placeholder {
    static final Pattern PATTERN = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
  }
}
