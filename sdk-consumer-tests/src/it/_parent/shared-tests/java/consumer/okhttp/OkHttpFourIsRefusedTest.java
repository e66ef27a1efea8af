package consumer.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.ConfigurationException;
import io.tickguard.testkit.SandboxServer;
import org.junit.jupiter.api.Test;

/**
 * OkHttp 4.12's 'okhttp' next to TickGuard's 'okhttp-jvm' 5: both constructions refuse with one
 * message naming both jars and the fix, before any call could hit a NoSuchMethodError.
 */
class OkHttpFourIsRefusedTest {

  @Test
  void clientConstructionRefusesNamingTheConflictAndTheFix() {
    ClientConfig config = ClientConfig.builder("https://127.0.0.1:8443").build();

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApiClient.builder(config).build());

    assertConflictMessage(e);
  }

  @Test
  void sandboxStartRefusesTheSameWay() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> SandboxServer.builder().start());

    assertConflictMessage(e);
  }

  private static void assertConflictMessage(ConfigurationException e) {
    assertEquals("com.squareup.okhttp3:okhttp", e.setting());
    String message = e.getMessage();
    assertTrue(message.contains("OkHttp is on the class path twice"), message);
    assertTrue(message.contains("okhttp-4.12.0.jar"), message);
    assertTrue(message.contains("okhttp-jvm-"), message);
    assertTrue(message.contains("depend on com.squareup.okhttp3:okhttp-jvm 5.x"), message);
  }
}
