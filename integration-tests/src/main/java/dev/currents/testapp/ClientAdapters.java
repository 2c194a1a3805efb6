package dev.currents.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The clients the driver can use, by the name a line gives. The adapter of a library is made on first use, by
 * reflection, because the library is on the class path only when a test runs that library: without it, a
 * line naming it gets a BAD answer and the driver goes on.
 */
final class ClientAdapters {

  private static final Map<String, Supplier<ClientAdapter>> FACTORIES =
      Map.ofEntries(
          Map.entry("java-http-client", () -> new JavaHttpClientAdapter(false)),
          Map.entry("java-http-client-async", () -> new JavaHttpClientAdapter(true)),
          Map.entry("http-url-connection", HttpUrlConnectionAdapter::new),
          Map.entry("okhttp", library("dev.currents.testapp.okhttp.OkHttpAdapter", false)),
          Map.entry("okhttp-async", library("dev.currents.testapp.okhttp.OkHttpAdapter", true)),
          Map.entry("retrofit", library("dev.currents.testapp.retrofit.RetrofitAdapter", false)),
          Map.entry("retrofit-async", library("dev.currents.testapp.retrofit.RetrofitAdapter", true)),
          Map.entry("apache4", library("dev.currents.testapp.apache4.ApacheHttpClient4Adapter", false)),
          Map.entry("apache5", library("dev.currents.testapp.apache5.ApacheHttpClient5Adapter", false)),
          Map.entry("apache5-async", library("dev.currents.testapp.apache5.ApacheHttpClient5AsyncAdapter", false)),
          Map.entry("apache5-async-producer", library("dev.currents.testapp.apache5.ApacheHttpClient5AsyncAdapter", true)));

  private static final Map<String, ClientAdapter> MADE = new ConcurrentHashMap<>();

  private ClientAdapters() {}

  /** The adapter of that name, made once; IllegalArgumentException when there is none, or its library is absent. */
  static ClientAdapter named(String name) {
    Supplier<ClientAdapter> factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown client " + name);
    }
    return MADE.computeIfAbsent(name, unused -> factory.get());
  }

  /**
   * Lets the clients made so far release their threads, as an application does when it stops: OkHttp's
   * dispatcher threads, for one, would keep the JVM alive for another minute.
   */
  static void closeAll() throws Exception {
    for (ClientAdapter adapter : MADE.values()) {
      if (adapter instanceof AutoCloseable) {
        ((AutoCloseable) adapter).close();
      }
    }
  }

  /** An adapter class with a public constructor taking {@code async}. */
  private static Supplier<ClientAdapter> library(String className, boolean async) {
    return () -> {
      try {
        return (ClientAdapter) Class.forName(className).getConstructor(boolean.class).newInstance(async);
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalArgumentException("cannot make " + className + " (is its library on the class path?): " + e, e);
      }
    };
  }
}
