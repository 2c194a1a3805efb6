package dev.currents.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import org.junit.jupiter.api.Test;

/** What the agent derives from a description, and when it asks for the declaration. */
class WeavingTest {

  /** Hooks {@code hooked}, says it weaves {@code woven}; counts its declarations. */
  private static final class Described extends ClientInstrumentation {
    final AtomicInteger declarations = new AtomicInteger();
    private final String hooked;

    Described(String hooked, String... woven) {
      super("described", woven);
      this.hooked = hooked;
    }

    @Override
    protected void declare(Declaration declaration) {
      declarations.incrementAndGet();
      declaration.hook(Hook.types(hooked).advise(named("run"), WeavingTest.class));
    }
  }

  @Test
  void theStartGateHoldsTheWovenClassesWithoutDeclaringAnyHook() {
    Described described = new Described("com.example.Client", "com.example.Client", "com.example.async.");
    assertEquals(List.of("com/example/Client", "com/example/async/"), described.wovenClasses());
    assertTrue(described.weaves("com/example/async/Callback$1"));
    assertFalse(described.weaves("com/example/Other"));
    assertEquals(0, described.declarations.get(), "nothing is declared in premain");
  }

  @Test
  void aHookOnAClassTheGateWouldNotHoldFailsTheWeaving() {
    Described described = new Described("com.example.Unsaid", "com.example.Client");
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> Weaving.onto(new AgentBuilder.Default(), described, null));
    assertTrue(failure.getMessage().contains("com/example/Unsaid"), failure.getMessage());
  }

  @Test
  void theDeclarationIsMadeOnceWhenTheAgentWeaves() {
    Described described = new Described("com.example.Client", "com.example.Client");
    Weaving.onto(new AgentBuilder.Default(), described, null);
    described.hooks();
    assertEquals(1, described.declarations.get());
  }
}
