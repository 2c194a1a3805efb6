package dev.currents.agent.common;

import java.util.Locale;

/**
 * The {@code error.category} of one HTTP attempt (SPEC section 3): from the response status, or from the
 * failure when there was no response.
 */
public enum ErrorCategory {
  OK("2xx: success", false, false),
  REDIRECT("3xx: a redirect returned to the caller", false, false),
  BAD_REQUEST("400: the request was unacceptable, often a missing required parameter", true, false),
  UNAUTHORIZED("401: no valid API key", true, false),
  REQUEST_FAILED("402: the parameters were valid but the request failed", true, false),
  FORBIDDEN("403: the key lacks permission", true, false),
  NOT_FOUND("404: not found", true, false),
  CONFLICT("409: the request conflicts with another request", true, false),
  TOO_MANY_REQUESTS("429: rate limited; back off exponentially", true, true),
  CLIENT_ERROR("4xx: client error", true, false),
  SERVER_ERROR("5xx: server error", true, true),
  TIMEOUT("no response: connect, read or request timeout", true, true),
  NETWORK_ERROR("no response: refused, reset, DNS, TLS or other I/O failure", true, true),
  CANCELLED("the caller cancelled or interrupted the request", true, false);

  private static final int REQUEST_TIMEOUT = 408;

  private final String tagValue;
  private final String description;
  private final boolean error;
  private final boolean retryable;

  ErrorCategory(String description, boolean error, boolean retryable) {
    this.tagValue = name().toLowerCase(Locale.ROOT);
    this.description = description;
    this.error = error;
    this.retryable = retryable;
  }

  public String tagValue() {
    return tagValue;
  }

  public String description() {
    return description;
  }

  public boolean isError() {
    return error;
  }

  /** Whether a client should retry an attempt that ended so; {@code status} decides it for 408. */
  public boolean isRetryable(int status) {
    return this == CLIENT_ERROR ? status == REQUEST_TIMEOUT : retryable;
  }

  public static ErrorCategory ofStatus(int status) {
    if (status >= 200 && status < 300) {
      return OK;
    }
    if (status >= 400 && status < 500) {
      return ofClientStatus(status);
    }
    if (status >= 500 && status < 600) {
      return SERVER_ERROR;
    }
    if (status >= 300 && status < 400) {
      return REDIRECT;
    }
    if (status >= 100 && status < 200) {
      return OK;
    }
    // A code outside 100-599 (HttpURLConnection's -1 for an unparseable status line included) means the
    // server broke the protocol: its fault, not the caller's, and it did answer, so server_error.
    return SERVER_ERROR;
  }

  private static ErrorCategory ofClientStatus(int status) {
    switch (status) {
      case 400:
        return BAD_REQUEST;
      case 401:
        return UNAUTHORIZED;
      case 402:
        return REQUEST_FAILED;
      case 403:
        return FORBIDDEN;
      case 404:
        return NOT_FOUND;
      case 409:
        return CONFLICT;
      case 429:
        return TOO_MANY_REQUESTS;
      default:
        return CLIENT_ERROR;
    }
  }

  /**
   * The category of an attempt that ended without a response: {@link #TIMEOUT} or {@link #CANCELLED} when the
   * failure or one of its first 16 causes says so (the outermost such signal wins), else
   * {@link #NETWORK_ERROR}, null included.
   */
  public static ErrorCategory ofFailure(Throwable failure) {
    return FailureClassifier.classify(failure);
  }
}
