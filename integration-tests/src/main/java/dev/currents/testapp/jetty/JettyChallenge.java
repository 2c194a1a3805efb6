package dev.currents.testapp.jetty;

/** The Basic challenge the Jetty adapters have credentials for, so that Jetty answers it by sending again. */
public final class JettyChallenge {

  public static final String REALM = "currents-it";
  public static final String USER = "it";
  public static final String PASSWORD = "secret";

  private JettyChallenge() {}
}
