package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPresets;
import io.tickguard.core.throttle.Throttle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCoreTest {
  private static final ClientConfig DEFAULT = ClientConfig.builder("https://api.example.com").build();

  @Test
  void defaultConfigGetsTheProviderPreset() {
    ClientConfig resolved = ClientCore.withThrottle(DEFAULT, Optional.empty(), LimitPresets.binanceSpot());

    assertThat(resolved.throttle()).isInstanceOf(InProcessThrottle.class);
    assertThat(resolved.throttle().toString()).contains("binance-spot");
  }

  @Test
  void throttleCustomisedInTheConfigIsKept() {
    Throttle own = InProcessThrottle.builder(LimitPresets.coinbaseAdvancedPublic()).build();
    ClientConfig custom = DEFAULT.newBuilder().throttle(own).build();

    assertThat(ClientCore.withThrottle(custom, Optional.empty(), LimitPresets.binanceSpot()).throttle()).isSameAs(own);
  }

  @Test
  void explicitThrottleWinsEvenWhenUnlimited() {
    ClientConfig resolved = ClientCore.withThrottle(DEFAULT, Optional.of(Throttle.unlimited()), LimitPresets.binanceSpot());

    assertThat(resolved.throttle()).isSameAs(Throttle.unlimited());
  }
}
