package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both sides of the round-trip benchmark must do the same work and get the same answer. */
class SignedRoundTripStateTest {

  @Test
  void tickGuardAndRawCallsDecodeTheSameTicker() throws Exception {
    SignedRoundTripState state = new SignedRoundTripState();
    state.protocol = "http/1.1";
    state.start();
    try {
      assertThat(state.callTickGuard()).isEqualTo(state.callRaw());
    } finally {
      state.stop();
    }
  }

  @Test
  void reconnectGivesBothSidesNewConnectionsAndTheyStillAgree() throws Exception {
    SignedRoundTripState state = new SignedRoundTripState();
    state.protocol = "http/1.1";
    state.start();
    try {
      state.callTickGuard();
      state.callRaw();
      int before = state.server().lastConnectionIndex();
      state.reconnect();
      assertThat(state.callTickGuard()).isEqualTo(state.callRaw());
      assertThat(state.server().lastConnectionIndex()).as("two connections opened after the ones before").isEqualTo(before + 2);
    } finally {
      state.stop();
    }
  }
}
