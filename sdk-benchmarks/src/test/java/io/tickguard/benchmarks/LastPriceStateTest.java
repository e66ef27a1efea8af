package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Both sides of the last-price benchmark must make the same call and read the same price. */
class LastPriceStateTest {

  @Test
  void tickGuardAndRawCallsReadTheSamePrice() {
    LastPriceState state = new LastPriceState();
    state.start();
    try {
      BigDecimal viaTickGuard = state.callTickGuard();
      assertThat(viaTickGuard).isEqualTo(state.callRaw());
      assertThat(viaTickGuard).isEqualTo(new BigDecimal("64250.01000000")); // same scale too
    } finally {
      state.stop();
    }
  }

  @Test
  void reconnectGivesBothSidesNewConnectionsAndTheyStillAgree() {
    LastPriceState state = new LastPriceState();
    state.start();
    try {
      state.callTickGuard();
      state.callRaw();
      int before = state.server().lastConnectionIndex();
      state.reconnect(); // one untimed call per side on a new connection
      BigDecimal viaTickGuard = state.callTickGuard();
      assertThat(viaTickGuard).isEqualTo(state.callRaw());
      assertThat(state.server().lastConnectionIndex()).as("two connections opened after the ones before").isEqualTo(before + 2);
    } finally {
      state.stop();
    }
  }
}
