package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingRecorderTest {

  private static final URI PROJECTS = URI.create("https://api.currents.dev/v1/projects?limit=5");

  private final RecordingRecorder recorder = RecordingRecorder.installFor("api.currents.dev");

  @AfterEach
  void uninstall() {
    RecordingRecorder.uninstall();
  }

  @Test
  void keepsStartsAndEndsInOrder() {
    Attempt first = CurrentsRequests.start("okhttp", "GET", PROJECTS, null, null, null);
    Attempt second = CurrentsRequests.start("okhttp", "POST", PROJECTS, null, null, null);
    ConnectException refused = new ConnectException("refused");
    CurrentsRequests.fail(second, refused);
    CurrentsRequests.end(first, 429, Map.of("Retry-After", "2"), Map::get);

    assertEquals(List.of(first, second), recorder.started());
    assertEquals(
        List.of(
            "start GET /v1/projects",
            "start POST /v1/projects",
            "end POST /v1/projects -1 null",
            "end GET /v1/projects 429 2"),
        recorder.events());
    assertEquals(Arrays.asList(refused, null), recorder.failures());
    assertSame(first, recorder.ended().get(1).attempt());
  }

  @Test
  void onlyTheInstalledHostsAreCurrents() {
    assertFalse(CurrentsRequests.isCurrents(URI.create("https://example.com/v1/projects")));
    RecordingRecorder.uninstall();
    assertFalse(CurrentsRequests.isCurrents(PROJECTS));
  }

  @Test
  void awaitsAnEndOnAnotherThread() throws Exception {
    Attempt attempt = CurrentsRequests.start("okhttp", "GET", PROJECTS, null, null, null);
    new Thread(() -> CurrentsRequests.end(attempt, 200, null, null)).start();
    assertEquals(1, recorder.awaitEnded(1, Duration.ofSeconds(5)).size());
  }

  @Test
  void theParentIsTheOneSetOnThisThread() throws Exception {
    recorder.currentParent("span");
    assertEquals("span", CurrentsRequests.currentParent());
    Object[] elsewhere = new Object[1];
    Thread other = new Thread(() -> elsewhere[0] = CurrentsRequests.currentParent());
    other.start();
    other.join();
    assertNull(elsewhere[0]);
  }

  @Test
  void everythingSeenHasEveryFieldButNoCredential() {
    Attempt attempt = CurrentsRequests.start(
        "okhttp", "GET", PROJECTS, Map.of("Authorization", "Bearer secret-key"), Map::get, null);
    CurrentsRequests.end(attempt, 200, null, null);
    String seen = recorder.everythingSeen();
    for (String field : List.of("okhttp", "GET", "https", "api.currents.dev", "/v1/projects", "limit=5")) {
      assertTrue(seen.contains(field), field + " in " + seen);
    }
    assertFalse(seen.contains("secret-key"), seen);
  }
}
