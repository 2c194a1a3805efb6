package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code service.name} of a real application jar started with {@code java -jar}, as services run (issue #17):
 * the name its Spring Boot configuration declares, inside the jar, without the agent loading a class of the
 * application; its environment form before it; OpenTelemetry's setting before both; and the jar's name when
 * nothing names the application.
 */
class ServiceNameIT {

  private static TestApi api;

  @TempDir Path temp;

  @BeforeAll
  static void startApi() {
    api = TestApi.start();
  }

  @AfterAll
  static void stopApi() {
    api.api.close();
  }

  @Test
  void theSpringApplicationNameInsideTheJar() throws Exception {
    Path jar = appJar("orders-service-1.0.0.jar",
        Map.of("BOOT-INF/classes/application.yml", "server:\n  port: 8080\nspring:\n  application:\n    name: orders\n"));
    assertEquals("orders", serviceName(api.app(Jdks.all().get(0)).mainJar(jar)));
  }

  @Test
  void itsEnvironmentFormFirstAndOpenTelemetrysBeforeBoth() throws Exception {
    Path jar = appJar("orders-service.jar", Map.of("application.properties", "spring.application.name=orders\n"));
    assertEquals("from-env",
        serviceName(api.app(Jdks.all().get(0)).mainJar(jar).environment("SPRING_APPLICATION_NAME", "from-env")));
    assertEquals("from-otel",
        serviceName(api.app(Jdks.all().get(0)).mainJar(jar).environment("SPRING_APPLICATION_NAME", "from-env")
            .environment("OTEL_RESOURCE_ATTRIBUTES", "service.name=from-otel")));
  }

  @Test
  void theJarsNameWhenNothingNamesTheApplication() throws Exception {
    Path jar = appJar("billing-worker.jar", Map.of());
    assertEquals("billing-worker", serviceName(api.app(Jdks.all().get(0)).mainJar(jar)));
  }

  /** The {@code service_name} of the agent's own meter, there from its start. */
  private static String serviceName(AppJvm.Builder builder) throws Exception {
    try (AppJvm app = builder.start()) {
      List<PrometheusScrape.Sample> samples = app.scrape().samples("currents_agent_errors_total");
      assertFalse(samples.isEmpty(), "the agent's meter");
      return samples.get(0).labels().get("service_name");
    }
  }

  /**
   * An application jar as a build makes one: the test application's driver as its main class, its classes and
   * dependencies on the manifest's class path, and these resources inside.
   */
  private Path appJar(String name, Map<String, String> resources) throws IOException {
    List<String> urls = new ArrayList<>();
    for (String entries : api.app(Jdks.all().get(0)).classPath()) {
      for (String entry : entries.split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          urls.add(Paths.get(entry).toAbsolutePath().toUri().toString());
        }
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.currents.testapp.ClientDriver");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
    Path jar = temp.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        zip.putNextEntry(new ZipEntry(resource.getKey()));
        zip.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
