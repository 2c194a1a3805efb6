package dev.currents.testapp.spring;

/** Spring's {@code RestTemplate} on {@code JdkClientHttpRequestFactory} (6.1 and later): the JDK's HttpClient. */
public final class RestTemplateOnJdkAdapter extends RestTemplateAdapter {

  public RestTemplateOnJdkAdapter(boolean unused) {
    super(new JdkFactories()::forCall, false);
  }
}
