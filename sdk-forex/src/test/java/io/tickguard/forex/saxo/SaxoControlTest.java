package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The control messages of Saxo's client-library tests (fixtures/saxo/control-messages.json). */
class SaxoControlTest {
  private static final JsonNode MESSAGES = StrictJson.mapper().readTree(Fixtures.bytes("control-messages.json"));

  @Test
  void resetNamingASubscriptionResetsOnlyThatOne() {
    assertThat(SaxoControl.resets(MESSAGES.get("resetOne"), "MySpy")).isTrue();
    assertThat(SaxoControl.resets(MESSAGES.get("resetOne"), "foo")).isFalse();
  }

  @Test
  void resetWithoutTargetsOrWithAnEmptyListResetsEverySubscription() {
    assertThat(SaxoControl.resets(MESSAGES.get("resetAll"), "MySpy")).isTrue();
    assertThat(SaxoControl.resets(MESSAGES.get("resetAllEmpty"), "anything")).isTrue();
  }

  @Test
  void heartbeatsAndUnknownControlMessagesResetNothing() {
    assertThat(SaxoControl.resets(MESSAGES.get("unknownControl"), "MySpy")).isFalse();
    assertThat(SaxoControl.resets(MESSAGES.get("heartbeat"), "MySpy")).isFalse();
  }
}
