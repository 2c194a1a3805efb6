package dev.currents.agent.otel;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gives the OTLP exporters HTTP senders that are made on their first request rather than with the exporter.
 * The sender makes a JDK HttpClient, whose implementation class the agent weaves: if the agent's start loaded
 * it while the application was loading it too, the application's thread would hold the class's loading lock
 * waiting for the start to finish (StartGate), and the start would wait for that lock.
 */
public final class DeferredSenders implements ComponentLoader {

  public static final DeferredSenders INSTANCE = new DeferredSenders();

  private final ComponentLoader agentLoader = ComponentLoader.forClassLoader(DeferredSenders.class.getClassLoader());

  private DeferredSenders() {}

  @Override
  public <T> Iterable<T> load(Class<T> type) {
    if (type != HttpSenderProvider.class) {
      return agentLoader.load(type);
    }
    List<T> providers = new ArrayList<>();
    for (T provider : agentLoader.load(type)) {
      providers.add(type.cast(deferred((HttpSenderProvider) provider)));
    }
    return providers;
  }

  private static HttpSenderProvider deferred(HttpSenderProvider provider) {
    return config -> new DeferredSender(provider, config);
  }

  private static final class DeferredSender implements HttpSender {
    private final HttpSenderProvider provider;
    private final HttpSenderConfig config;
    private HttpSender sender;

    DeferredSender(HttpSenderProvider provider, HttpSenderConfig config) {
      this.provider = provider;
      this.config = config;
    }

    private synchronized HttpSender sender() {
      if (sender == null) {
        sender = provider.createSender(config);
      }
      return sender;
    }

    @Override
    public void send(MessageWriter body, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
      sender().send(body, onResponse, onError);
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
      return sender == null ? CompletableResultCode.ofSuccess() : sender.shutdown();
    }
  }
}
