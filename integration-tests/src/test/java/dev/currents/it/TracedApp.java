package dev.currents.it;

import java.util.List;

/** {@link TracedApplication} in an application JVM: its class path, and the span it runs in. */
final class TracedApp {

  /** The application's own OpenTelemetry: an old API and SDK, as a service may well have. */
  private static final List<String> OPENTELEMETRY_JARS =
      List.of("opentelemetry-api-1.20.0", "opentelemetry-context-1.20.0", "opentelemetry-sdk-trace-1.20.0",
          "opentelemetry-sdk-common-1.20.0", "opentelemetry-semconv-1.20.0-alpha");

  private TracedApp() {}

  /** @param mode {@code sdk} (the application's own SDK) or {@code global} (the OpenTelemetry javaagent's) */
  static AppJvm.Builder of(AppJvm.Builder builder, String mode) {
    builder.mainClass(TracedApplication.class.getName()).arguments(mode).testClasses();
    OPENTELEMETRY_JARS.forEach(builder::testJar);
    return builder;
  }

  /** The trace and span ids of the application's span, {@code [traceId, spanId]}, from its first line. */
  static String[] applicationSpan(AppJvm app) {
    String line = app.startOutput().stream().filter(output -> output.startsWith("TRACE ")).findFirst().orElseThrow();
    return line.substring("TRACE ".length()).split(" ");
  }
}
