package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which classes go to the bootstrap loader: the bridge, the domain logic and each instrumentation's helpers. */
class BootstrapBridgeTest {

  @Test
  void theBridgeTheDomainLogicAndEveryBootstrapPackageGo() {
    assertTrue(BootstrapBridge.isBridgeClass("dev/currents/agent/bootstrap/CurrentsRequests.class"));
    assertTrue(BootstrapBridge.isBridgeClass("dev/currents/agent/common/backoff/RetryChains.class"));
    assertTrue(
        BootstrapBridge.isBridgeClass(
            "dev/currents/agent/instrumentation/httpurlconnection/bootstrap/HttpUrlConnectionAttempts.class"));
  }

  @Test
  void adviceInstrumentationsAndEverythingElseStay() {
    assertFalse(
        BootstrapBridge.isBridgeClass("dev/currents/agent/instrumentation/httpurlconnection/ConnectAdvice.class"));
    assertFalse(BootstrapBridge.isBridgeClass("dev/currents/agent/tooling/ClientInstrumentation.class"));
    assertFalse(BootstrapBridge.isBridgeClass("dev/currents/agent/testing/RecordingRecorder.class"));
    assertFalse(BootstrapBridge.isBridgeClass("dev/currents/agent/bootstrap/package.html"));
  }
}
