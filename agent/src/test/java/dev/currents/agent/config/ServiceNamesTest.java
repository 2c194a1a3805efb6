package dev.currents.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each source of {@code service.name} (issue #17), and their order: the first that has a name wins. */
class ServiceNamesTest {

  @TempDir Path temp;

  private final Map<String, String> system = new HashMap<>();
  private final Map<String, String> env = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private ServiceNames names() {
    return new ServiceNames(system, env, warnings::add);
  }

  /** What the agent would name the service: OpenTelemetry's setting, else what detection finds. */
  private String name() {
    ServiceNames names = names();
    String otel = names.openTelemetry();
    return otel != null ? otel : names.detect();
  }

  @Test
  void nothingAtAllIsUnknownService() {
    assertEquals("unknown_service:java", name());
    assertEquals(List.of(), warnings);
  }

  @Test
  void theAgentsOwnKeyComesFirst() {
    env.put("OTEL_SERVICE_NAME", "otel");
    env.put("SPRING_APPLICATION_NAME", "spring");
    assertEquals("mine", AgentConfig.load(Map.of("currents.agent.service.name", " mine "), env).serviceName());
    assertEquals("otel", AgentConfig.load(Map.of(), env).serviceName());
  }

  @Test
  void openTelemetrysServiceNameSystemPropertyBeforeItsEnvironmentVariable() {
    env.put("OTEL_SERVICE_NAME", "from-env");
    assertEquals("from-env", name());
    system.put("otel.service.name", "from-property");
    assertEquals("from-property", name());
  }

  @Test
  void serviceNameInOpenTelemetrysResourceAttributesIsNext() {
    env.put("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod, service.name=billing%20api ,team=x");
    env.put("SPRING_APPLICATION_NAME", "spring");
    assertEquals("billing api", name());
    system.put("otel.resource.attributes", "service.name=from-property");
    assertEquals("from-property", name());
    env.put("OTEL_SERVICE_NAME", "explicit");
    assertEquals("explicit", name(), "otel.service.name wins over the resource attribute, as in OpenTelemetry");
  }

  @Test
  void aMalformedResourceAttributeIsOneWarningAndTheNextSource() {
    env.put("OTEL_RESOURCE_ATTRIBUTES", "service.name=bad%zz");
    env.put("SPRING_APPLICATION_NAME", "spring");
    assertEquals("spring", name());
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).contains("OTEL_RESOURCE_ATTRIBUTES"), warnings::toString);
  }

  @Test
  void frameworkNamesAsSystemPropertiesAndEnvironmentVariables() {
    env.put("MICRONAUT_APPLICATION_NAME", "micronaut");
    assertEquals("micronaut", name());
    env.put("QUARKUS_APPLICATION_NAME", "quarkus");
    assertEquals("quarkus", name());
    env.put("SPRING_APPLICATION_NAME", "spring-env");
    assertEquals("spring-env", name());
    system.put("spring.application.name", "spring-property");
    assertEquals("spring-property", name());
    assertEquals("system property spring.application.name", sourceOf());
  }

  private String sourceOf() {
    ServiceNames names = names();
    names.detect();
    return names.source();
  }

  @Test
  void applicationPropertiesInAClassPathDirectory() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.properties"), "server.port=8080\nspring.application.name = orders\n");
    classPath(classes.toString());
    assertEquals("orders", name());
    assertTrue(sourceOf().contains("application.properties"), sourceOf());
  }

  @Test
  void applicationYamlNestedOrFlat() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.yml"),
        "# the service\nserver:\n  port: 8080\nspring:\n  datasource:\n    url: jdbc:x\n  application:\n"
            + "    name: \"billing\"   # quoted\n");
    classPath(classes.toString());
    assertEquals("billing", name());
    write(classes.resolve("application.yml"), "spring.application.name: flat\n");
    assertEquals("flat", name());
    write(classes.resolve("application.yml"), "quarkus:\n  application:\n    name: 'it''s'\n");
    assertEquals("it's", name());
  }

  @Test
  void aProfileDocumentIsLeftOutAndALaterUnconditionalOneWins() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.yaml"),
        "spring:\n  application:\n    name: base\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\n"
            + "  application:\n    name: dev-name\n---\nmicronaut:\n  application:\n    name: ignored\n"
            + "spring:\n  application:\n    name: later\n");
    classPath(classes.toString());
    assertEquals("later", name());
  }

  @Test
  void placeholdersResolveFromPropertiesAndEnvironmentOrTheirDefault() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.properties"), "spring.application.name=${APP_NAME:fallback}-svc\n");
    classPath(classes.toString());
    assertEquals("fallback-svc", name());
    env.put("APP_NAME", "payments");
    assertEquals("payments-svc", name());
    write(classes.resolve("application.properties"), "spring.application.name=${unset.name}\n");
    assertEquals("unknown_service:java", name(), "an unresolvable placeholder names nothing");
  }

  @Test
  void configDirectoryBeforeTheRootAndPropertiesBeforeYaml() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.yml"), "spring.application.name: from-yaml\n");
    classPath(classes.toString());
    assertEquals("from-yaml", name());
    write(classes.resolve("application.properties"), "spring.application.name=from-properties\n");
    assertEquals("from-properties", name());
    write(dir("classes/config").resolve("application.yml"), "spring.application.name: from-config\n");
    assertEquals("from-config", name());
  }

  @Test
  void theWorkingDirectoryBeforeTheClassPath() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.properties"), "spring.application.name=packaged\n");
    classPath(classes.toString());
    Path work = dir("work");
    system.put("user.dir", work.toString());
    assertEquals("packaged", name());
    write(dir("work/config").resolve("application.properties"), "spring.application.name=deployed\n");
    assertEquals("deployed", name());
  }

  @Test
  void aSpringBootJarsApplicationYamlFromTheMainJar() throws IOException {
    Path jar = jar("orders-service-1.4.2.jar", Map.of(
        "BOOT-INF/classes/application.yml", "spring:\n  application:\n    name: orders\n",
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"));
    mainJar(jar);
    assertEquals("orders", name());
    assertTrue(sourceOf().contains("BOOT-INF/classes/application.yml"), sourceOf());
  }

  @Test
  void aQuarkusFastJarByTheApplicationNameInItsLaunchersManifest() throws IOException {
    // As Quarkus writes it: the application's files are in app/ beside the launcher, none in it.
    Path launcher = jar("quarkus-run.jar", Map.of("META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\nImplementation-Title: ci-dashboard\nImplementation-Version: 1.0.0\n"
            + "Main-Class: io.quarkus.bootstrap.runner.QuarkusEntryPoint\n"));
    mainJar(launcher);
    assertEquals("ci-dashboard", name());
    assertTrue(sourceOf().contains("Implementation-Title"), sourceOf());
    env.put("QUARKUS_APPLICATION_NAME", "from-env");
    assertEquals("from-env", name());
    assertEquals(List.of(), warnings);
  }

  @Test
  void anImplementationTitleNamesOnlyAQuarkusLauncher() throws IOException {
    mainJar(jar("orders-service.jar", Map.of("META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\nImplementation-Title: Orders Library\nMain-Class: dev.example.Main\n")));
    assertEquals("orders-service", name());
  }

  @Test
  void theMainJarsNameWhenNothingNamesTheApplication() throws IOException {
    mainJar(jar("orders-service.jar", Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")));
    assertEquals("orders-service", name());
    system.put("sun.java.command", "dev.example.Main --port 80");
    assertEquals("unknown_service:java", name(), "a main class is no jar");
  }

  @Test
  void onlyTheFirstJarsOfTheClassPathAreOpened() throws IOException {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < ServiceNames.MAX_JARS; i++) {
      entries.add(jar("lib-" + i + ".jar", Map.of("lib/x.txt", "x")).toString());
    }
    entries.add(jar("late.jar", Map.of("application.properties", "spring.application.name=late\n")).toString());
    classPath(entries.toArray(new String[0]));
    assertEquals("unknown_service:java", name(), "the fifth jar is a dependency's, not opened");
    entries.add(0, jar("app.jar", Map.of("application.properties", "spring.application.name=app\n")).toString());
    classPath(entries.toArray(new String[0]));
    assertEquals("app", name());
  }

  @Test
  void aMalformedFileIsOneWarningAndTheNextSource() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.yml"), "spring:\n\tapplication:\n    name: tabbed\n");
    Path more = dir("more");
    write(more.resolve("application.properties"), "spring.application.name=next\n");
    classPath(classes.toString(), more.toString());
    assertEquals("next", name());
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).contains("application.yml") && warnings.get(0).contains("tab"), warnings::toString);

    warnings.clear();
    write(classes.resolve("application.yml"), "spring.application.name: \"unterminated\n");
    assertEquals("next", name());
    assertTrue(warnings.get(0).contains("unterminated"), warnings::toString);

    warnings.clear();
    Files.delete(classes.resolve("application.yml"));
    write(classes.resolve("application.properties"), "spring.application.name=bad\\u00zz\n");
    assertEquals("next", name());
    assertTrue(warnings.get(0).contains("application.properties"), warnings::toString);
  }

  @Test
  void aFileTooLargeIsNotRead() throws IOException {
    Path classes = dir("classes");
    String padding = "#".repeat(ServiceNames.MAX_FILE_BYTES) + "\n";
    write(classes.resolve("application.properties"), padding + "spring.application.name=huge\n");
    classPath(classes.toString());
    assertEquals("unknown_service:java", name());
    assertEquals(1, warnings.size(), warnings::toString);
  }

  @Test
  void aBrokenJarIsOneWarning() throws IOException {
    Path broken = temp.resolve("broken.jar");
    write(broken, "not a zip");
    mainJar(broken);
    assertEquals("broken", name(), "its name still names the service");
    assertEquals(1, warnings.size(), warnings::toString);
  }

  @Test
  void agentConfigDetectsOnlyWhenAskedAndOnce() throws IOException {
    Path classes = dir("classes");
    write(classes.resolve("application.properties"), "spring.application.name=orders\n");
    Map<String, String> properties = Map.of("java.class.path", classes.toString());
    AgentConfig config = AgentConfig.load(properties, Map.of());
    // Loading read nothing: the file can change until the name is first asked for (on the start thread).
    write(classes.resolve("application.properties"), "spring.application.name=renamed\n");
    assertEquals("renamed", config.serviceName());
    write(classes.resolve("application.properties"), "spring.application.name=again\n");
    assertEquals("renamed", config.serviceName(), "read once");
    assertTrue(config.serviceNameSource().contains("application.properties"), config.serviceNameSource());
  }

  @Test
  void yamlKeysSkipWhatTheyDoNotRead() {
    Map<String, String> keys = YamlKeys.read(
        "list:\n  - a: 1\n  - b: 2\nblock: |\n  text: not a key\nflow: {a: 1}\nurl: http://x:80/y # note\n"
            + "\"quoted key\": v\n");
    assertEquals("http://x:80/y", keys.get("url"));
    assertEquals("v", keys.get("quoted key"));
    assertNull(keys.get("list.a"));
    assertNull(keys.get("block.text"));
    assertNull(keys.get("text"));
  }

  private void classPath(String... entries) {
    system.put("java.class.path", String.join(File.pathSeparator, entries));
  }

  private void mainJar(Path jar) {
    system.put("sun.java.command", jar + " --server.port=8080");
    system.put("java.class.path", jar.toString());
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(temp.resolve(name));
  }

  private static void write(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path jar(String name, Map<String, String> entries) throws IOException {
    Path jar = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
