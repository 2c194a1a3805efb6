package dev.currents.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/**
 * An application with its own, older Micrometer, OpenTelemetry API and Byte Buddy, which uses all three and
 * calls Currents. It prints what it saw, one fact per line.
 */
public final class ClashingApplication {

  public static void main(String[] args) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.counter("app.counter").increment();
    System.out.println("micrometer " + registry.counter("app.counter").count() + " " + jarOf(SimpleMeterRegistry.class));

    Span span = GlobalOpenTelemetry.getTracer("app").spanBuilder("work").startSpan();
    span.end();
    System.out.println("opentelemetry " + jarOf(GlobalOpenTelemetry.class));

    Class<?> generated =
        new ByteBuddy().subclass(Object.class).name("app.Generated").make()
            .load(ClashingApplication.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    System.out.println("bytebuddy " + generated.getName() + " " + jarOf(ByteBuddy.class));

    for (String hidden : new String[] {
        "dev.currents.agent.AgentInstaller", "dev.currents.agent.shaded.bytebuddy.ByteBuddy",
        "dev.currents.agent.shaded.micrometer.core.instrument.MeterRegistry"}) {
      System.out.println("visible " + hidden + " " + isVisible(hidden));
    }

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(args[0])).header("Authorization", "Bearer " + args[1]).build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.println("currents " + response.statusCode());
    System.out.println("READY");
    System.in.read();
  }

  private static String jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation().getPath().replaceAll(".*/", "");
  }

  private static boolean isVisible(String className) {
    try {
      Class.forName(className, false, ClashingApplication.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
