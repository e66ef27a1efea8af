package io.tickguard.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.time.MutableClock;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which refusals are key restrictions is the provider client's to say ({@code
 * ApiClient.Builder.keyRestrictionCodes}): a registered code becomes a {@link KeyRestrictedException}
 * and a {@code CREDENTIAL_REJECTED} event; core itself knows no provider's codes.
 */
class KeyRestrictionCodesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private void client(Predicate<String> restrictionCodes) {
    ApiClient.Builder b = ApiClient.builder(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(clock).resilience(ResiliencePolicy.none())
        .security(SecurityOptions.builder().listener(events::add).build()).build());
    client = (restrictionCodes == null ? b : b.keyRestrictionCodes(restrictionCodes)).build();
  }

  private void refuse(String code) {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("{\"code\":" + code + ",\"msg\":\"Key not allowed from this address.\"}").build());
  }

  private void call() {
    client.execute(SecurityMonitoringTest.PRICE.request().query("symbol", "BTCUSDT").build(), r -> r.bodyText());
  }

  @Test
  void aCodeTheProviderClientRegisteredIsAKeyRestrictionNamingTheEgressAndACredentialEvent() {
    client(code -> code.equals("-4242"));
    refuse("-4242");

    assertThatThrownBy(this::call).isInstanceOfSatisfying(KeyRestrictedException.class, e -> {
      assertThat(e.providerCode()).contains("-4242");
      assertThat(e.egress()).isNotBlank();
      assertThat(e).hasMessageContaining("allow-list");
    });
    assertThat(events).extracting(SecurityEvent::kind).containsExactly(SecurityEventKind.CREDENTIAL_REJECTED);
  }

  @Test
  void registeredCodesAddUp() {
    ApiClient.Builder b = ApiClient.builder(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(clock).resilience(ResiliencePolicy.none()).build());
    client = b.keyRestrictionCodes("-1"::equals).keyRestrictionCodes("-2"::equals).build();
    refuse("-2");

    assertThatThrownBy(this::call).isInstanceOf(KeyRestrictedException.class);
  }

  @Test
  void coreKnowsNoProvidersCodesSoBinancesMinus2015IsAnOrdinaryRefusalForAPlainClient() {
    client(null);
    refuse("-2015");

    assertThatThrownBy(this::call).isInstanceOf(InvalidRequestException.class)
        .isNotInstanceOf(KeyRestrictedException.class);
    assertThat(events).isEmpty();
  }
}
