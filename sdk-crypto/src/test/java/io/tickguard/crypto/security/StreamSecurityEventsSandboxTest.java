package io.tickguard.crypto.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.AnomalyPolicy;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.Symbol;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.coinbase.CoinbaseStreamRoutes;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams report to the same security monitor as REST calls: a refused subscribe (Coinbase's
 * expired-JWT error message on an open connection) is a rejected credential, an impostor
 * certificate met on reconnect is a pin mismatch with its alert, and a kill switch engaged by
 * stream failures stops the reconnects: no further connection reaches the sandbox.
 */
class StreamSecurityEventsSandboxTest {
  private static final String KEY_NAME = "organizations/sbx-org/apiKeys/sbx-stream-key";
  private static final Subscription BOOK = new Subscription(Symbol.of("BTC", "USDT"), StreamChannel.BOOK);

  private final KeyPair key = KeyPermissionAuditSandboxTest.p256();
  private final CoinbaseStreamRoutes streams = new CoinbaseStreamRoutes(31, "BTC-USDT").cdpKey(KEY_NAME, key.getPublic());
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false).routes(streams).start();
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private final StreamRecorder recorder = new StreamRecorder();
  private CoinbaseClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    sandbox.close();
  }

  private MarketStream open(AnomalyPolicy policy) {
    client = CoinbaseClient.builder().config(sandbox.clientConfigBuilder()
        .security(SecurityOptions.builder().listener(events::add).anomalyPolicy(policy).build()).build()).build();
    return client.streams().baseUrl(sandbox.baseUrl())
        .cdpKey(ApiCredentials.ecP256(KEY_NAME, Secret.ofBytes(Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded()))))
        .listener(recorder)
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build())
        .open();
  }

  private List<SecurityEventKind> kinds() {
    return events.stream().map(SecurityEvent::kind).toList();
  }

  @Test
  void anExpiredJwtRefusedOnAnOpenStreamIsACredentialRejectedEvent() {
    streams.expireNextJwt();
    try (MarketStream stream = open(AnomalyPolicy.defaults())) {
      stream.subscribe(List.of(BOOK));
      Await.until("the refused subscribe was reported", () -> kinds().contains(SecurityEventKind.CREDENTIAL_REJECTED));
      Await.until("a fresh JWT subscribed on a new connection", () -> stream.book(BOOK.symbol()).isPresent());
    }
    assertThat(streams.refusedJwts()).isEqualTo(1);
    assertThat(events).filteredOn(e -> e.kind() == SecurityEventKind.CREDENTIAL_REJECTED).singleElement().satisfies(e -> {
      assertThat(e.host()).isEqualTo("127.0.0.1");
      assertThat(e.detail()).isEqualTo("the provider refused the stream's credentials");
    });
    // One refusal is below the default threshold (3 a minute): no alert, no kill switch.
    assertThat(kinds()).doesNotContain(SecurityEventKind.ANOMALY, SecurityEventKind.KILL_SWITCH_ENGAGED);
    assertThat(client.security().killSwitch().engaged()).isFalse();
  }

  @Test
  void anImpostorCertificateOnReconnectIsAPinMismatchWithItsAlertAndEndsTheStream() {
    try (MarketStream stream = open(AnomalyPolicy.defaults())) {
      stream.subscribe(List.of(BOOK));
      Await.until("synced", () -> stream.book(BOOK.symbol()).isPresent());
      assertThat(events).isEmpty();

      sandbox.faults().serve(ServedCertificate.IMPOSTOR);
      streams.dropConnections();
      Await.until("the stream ended", () -> recorder.signals.stream().anyMatch(s -> s instanceof StreamSignal.Closed));
    }
    assertThat(kinds()).containsSubsequence(SecurityEventKind.PIN_MISMATCH, SecurityEventKind.ANOMALY);
    assertThat(kinds()).filteredOn(k -> k == SecurityEventKind.PIN_MISMATCH).hasSize(1); // permanent: no retry
    assertThat(streams.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void aKillSwitchEngagedByAStreamRefusalStopsItsReconnects() {
    streams.expireNextJwt();
    AnomalyPolicy strict = AnomalyPolicy.builder().threshold(SecurityEventKind.CREDENTIAL_REJECTED, 1, Duration.ofMinutes(1))
        .killSwitchOn(SecurityEventKind.CREDENTIAL_REJECTED).build();
    try (MarketStream stream = open(strict)) {
      stream.subscribe(List.of(BOOK));
      Await.until("the stream ended", () -> recorder.signals.stream().anyMatch(s -> s instanceof StreamSignal.Closed));
    }
    assertThat(kinds()).containsSubsequence(SecurityEventKind.CREDENTIAL_REJECTED, SecurityEventKind.ANOMALY,
        SecurityEventKind.KILL_SWITCH_ENGAGED);
    assertThat(client.security().killSwitch().engaged()).isTrue();
    assertThat(streams.connectionsOpened()).isEqualTo(1); // the reconnect was refused before any I/O
    assertThat(recorder.signals).filteredOn(s -> s instanceof StreamSignal.Closed).singleElement()
        .satisfies(s -> assertThat(((StreamSignal.Closed) s).failure()).get()
            .isInstanceOf(io.tickguard.core.security.KillSwitchEngagedException.class));
  }
}
