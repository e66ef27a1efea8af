package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientConfigTest {

  @Test
  void httpsBaseUrlIsAcceptedWithSafeDefaults() {
    ClientConfig c = ClientConfig.builder("https://api.binance.com").build();
    assertThat(c.baseUrl().isHttps()).isTrue();
    assertThat(c.maxResponseBytes()).isEqualTo(ClientConfig.DEFAULT_MAX_RESPONSE_BYTES);
    assertThat(c.callTimeout()).isPositive();
    assertThat(c.userAgent()).startsWith("tickguard-java/");
    assertThat(c.plaintextLoopbackAllowed()).isFalse();
  }

  @Test
  void plainHttpIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ClientConfig.builder("http://api.binance.com").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"))
        .hasMessageContaining("use https://");
  }

  @Test
  void plainHttpToLoopbackNeedsTheExplicitOptIn() {
    assertThatThrownBy(() -> ClientConfig.builder("http://127.0.0.1:8080").build())
        .isInstanceOf(InvalidRequestException.class);
    assertThat(ClientConfig.builder("http://127.0.0.1:8080").allowPlaintextLoopback(true).build().baseUrl().port())
        .isEqualTo(8080);
    assertThat(ClientConfig.builder("http://localhost:1").allowPlaintextLoopback(true).build()).isNotNull();
    assertThat(ClientConfig.builder("http://[::1]:1").allowPlaintextLoopback(true).build()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1", "http://example.com", "http://127.0.0.1.nip.io", "http://localhost.evil.com"})
  void optInNeverAllowsPlainHttpToANonLoopbackHost(String url) {
    assertThatThrownBy(() -> ClientConfig.builder(url).allowPlaintextLoopback(true).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void malformedBaseUrlAndUserInfoAreRefused() {
    assertThatThrownBy(() -> ClientConfig.builder("api.binance.com")).hasMessageContaining("absolute");
    assertThatThrownBy(() -> ClientConfig.builder("https://user:pw@api.binance.com"))
        .hasMessageContaining("user info")
        .hasMessageNotContaining("pw");
  }

  @Test
  void unboundedOrNegativeTimeoutsAreRefused() {
    ClientConfig.Builder b = ClientConfig.builder("https://x.example");
    assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout must be positive");
    assertThatThrownBy(() -> b.callTimeout(Duration.ofSeconds(-1))).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> b.maxResponseBytes(10)).hasMessageContaining("maxResponseBytes");
  }

  @Test
  void userAgentSuffixIsAppendedAndHeaderInjectionRefused() {
    assertThat(ClientConfig.builder("https://x.example").userAgentSuffix("mybot/1.2").build().userAgent())
        .endsWith(" mybot/1.2");
    assertThatThrownBy(() -> ClientConfig.builder("https://x.example").userAgentSuffix("bot\r\nX-Evil: 1"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void newBuilderDerivesAnIndependentCopy() {
    ClientConfig a = ClientConfig.builder("https://x.example").maxResponseBytes(8192).build();
    ClientConfig b = a.newBuilder().maxResponseBytes(16384).build();
    assertThat(a.maxResponseBytes()).isEqualTo(8192);
    assertThat(b.maxResponseBytes()).isEqualTo(16384);
    assertThat(b.baseUrl()).isEqualTo(a.baseUrl());
  }
}
