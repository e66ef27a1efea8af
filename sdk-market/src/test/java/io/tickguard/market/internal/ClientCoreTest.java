package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCoreTest {
  private static final ClientConfig DEFAULT = ClientConfig.builder("https://api.example.com").build();
  private static final LimitPreset PROVIDER = preset("example-spot");

  static LimitPreset preset(String name) {
    return new LimitPreset(
        name, List.of(RateLimit.fixedWindow("PUBLIC", 10, Duration.ofSeconds(1)).countingRequests()), List.of(),
        "https://example.com/limits");
  }

  @Test
  void defaultConfigGetsTheProviderPreset() {
    ClientConfig resolved = ClientCore.withThrottle(DEFAULT, Optional.empty(), PROVIDER);

    assertThat(resolved.throttle()).isInstanceOf(InProcessThrottle.class);
    assertThat(resolved.throttle().toString()).contains("example-spot");
  }

  @Test
  void throttleChosenInTheConfigIsKept() {
    Throttle own = InProcessThrottle.builder(preset("own")).build();
    ClientConfig custom = DEFAULT.newBuilder().throttle(own).build();

    assertThat(ClientCore.withThrottle(custom, Optional.of(custom.throttle()), PROVIDER).throttle()).isSameAs(own);
  }

  @Test
  void explicitThrottleWinsEvenWhenUnlimited() {
    ClientConfig resolved = ClientCore.withThrottle(DEFAULT, Optional.of(Throttle.unlimited()), PROVIDER);

    assertThat(resolved.throttle()).isSameAs(Throttle.unlimited());
  }
}
