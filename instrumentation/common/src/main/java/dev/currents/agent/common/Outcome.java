package dev.currents.agent.common;

/** Micrometer's {@code outcome} tag: the class of the response status. */
public enum Outcome {
  INFORMATIONAL,
  SUCCESS,
  REDIRECTION,
  CLIENT_ERROR,
  SERVER_ERROR,
  UNKNOWN;

  public static Outcome ofStatus(int status) {
    if (status < 100 || status >= 600) {
      return UNKNOWN;
    }
    if (status < 200) {
      return INFORMATIONAL;
    }
    if (status < 300) {
      return SUCCESS;
    }
    if (status < 400) {
      return REDIRECTION;
    }
    return status < 500 ? CLIENT_ERROR : SERVER_ERROR;
  }

  public String tagValue() {
    return name();
  }
}
