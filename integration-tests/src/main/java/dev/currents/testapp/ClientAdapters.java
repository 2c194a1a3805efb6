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
          client("java-http-client", () -> new JavaHttpClientAdapter(false)),
          client("java-http-client-async", () -> new JavaHttpClientAdapter(true)),
          client("http-url-connection", HttpUrlConnectionAdapter::new),
          client("okhttp", library("dev.currents.testapp.okhttp.OkHttpAdapter", false)),
          client("okhttp-async", library("dev.currents.testapp.okhttp.OkHttpAdapter", true)),
          client("retrofit", library("dev.currents.testapp.retrofit.RetrofitAdapter", false)),
          client("retrofit-async", library("dev.currents.testapp.retrofit.RetrofitAdapter", true)),
          client("jetty-httpclient", library("dev.currents.testapp.jetty.JettyAdapter", false)),
          client("jetty-httpclient-async", library("dev.currents.testapp.jetty.JettyAdapter", true)),
          client("reactor-netty", library("dev.currents.testapp.reactornetty.ReactorNettyAdapter", false)),
          client("reactor-netty-async", library("dev.currents.testapp.reactornetty.ReactorNettyAdapter", true)),
          client("webclient", library("dev.currents.testapp.webclient.WebClientAdapter", false)),
          client("webclient-async", library("dev.currents.testapp.webclient.WebClientAdapter", true)),
          client("resttemplate", library("dev.currents.testapp.spring.RestTemplateAdapter", false)),
          client("resttemplate-okhttp", library("dev.currents.testapp.spring.RestTemplateAdapter", true)),
          client("resttemplate-jdk", library("dev.currents.testapp.spring.RestTemplateOnJdkAdapter", false)),
          client("restclient", library("dev.currents.testapp.spring.RestClientAdapter", false)),
          client("feign", library("dev.currents.testapp.feign.FeignAdapter", false)),
          client("feign-retrying", library("dev.currents.testapp.feign.FeignAdapter", true)),
          client("feign-java11", library("dev.currents.testapp.feign.FeignJava11Adapter", false)),
          client("jersey-javax", library("dev.currents.testapp.jaxrs.javax.JaxRsAdapter", false)),
          client("jersey-javax-async", library("dev.currents.testapp.jaxrs.javax.JaxRsAdapter", true)),
          client("jersey-jakarta", library("dev.currents.testapp.jaxrs.jakarta.JaxRsAdapter", false)),
          client("jersey-jakarta-async", library("dev.currents.testapp.jaxrs.jakarta.JaxRsAdapter", true)),
          client("apache4", library("dev.currents.testapp.apache4.ApacheHttpClient4Adapter", false)),
          client("apache5", library("dev.currents.testapp.apache5.ApacheHttpClient5Adapter", false)),
          client("apache5-retrying", library("dev.currents.testapp.apache5.ApacheHttpClient5RetryingAdapter", false)),
          client("spring-boot-orders-service",
              library("dev.currents.testapp.springboot.OrdersServiceAdapter", false)),
          client("google-http-client-retrying",
              library("dev.currents.testapp.google.GoogleHttpClientRetryingAdapter", false)),
          client("apache5-async", library("dev.currents.testapp.apache5.ApacheHttpClient5AsyncAdapter", false)),
          client("apache5-async-producer", library("dev.currents.testapp.apache5.ApacheHttpClient5AsyncAdapter", true)),
          client("async-http-client", library("dev.currents.testapp.asynchttpclient.AsyncHttpClientAdapter", false)),
          client("async-http-client-async", library("dev.currents.testapp.asynchttpclient.AsyncHttpClientAdapter", true)),
          client("vertx-http-client", library("dev.currents.testapp.vertx.VertxAdapter", false)),
          client("vertx-web-client", library("dev.currents.testapp.vertx.VertxAdapter", true)),
          client("micronaut-http-client", library("dev.currents.testapp.micronaut.MicronautAdapter", false)),
          client("micronaut-http-client-async", library("dev.currents.testapp.micronaut.MicronautAdapter", true)),
          client("armeria", library("dev.currents.testapp.armeria.ArmeriaAdapter", false)),
          client("armeria-async", library("dev.currents.testapp.armeria.ArmeriaAdapter", true)));

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

  private static Map.Entry<String, Supplier<ClientAdapter>> client(String name, Supplier<ClientAdapter> factory) {
    return Map.entry(name, factory);
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
