package dev.currents.agent.tracing;

import io.opentelemetry.api.common.AttributeKey;

/** The attributes and the event of the agent's spans (SPEC section 6). */
final class SpanAttributes {

  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> ERROR_CATEGORY = AttributeKey.stringKey("currents.error.category");
  static final AttributeKey<Boolean> ERROR_RETRYABLE = AttributeKey.booleanKey("currents.error.retryable");
  static final AttributeKey<String> CLIENT = AttributeKey.stringKey("currents.client");
  static final AttributeKey<Double> RETRY_AFTER = AttributeKey.doubleKey("currents.retry_after");
  static final AttributeKey<Double> BACKOFF_DELAY = AttributeKey.doubleKey("currents.backoff.delay");
  static final AttributeKey<Boolean> BACKOFF_COMPLIANT = AttributeKey.booleanKey("currents.backoff.compliant");

  static final String RATE_LIMITED_EVENT = "currents.rate_limited";

  private SpanAttributes() {}
}
