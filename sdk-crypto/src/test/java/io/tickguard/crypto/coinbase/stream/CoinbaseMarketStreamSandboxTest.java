package io.tickguard.crypto.coinbase.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookModel;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.coinbase.CoinbaseStreamRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Coinbase Advanced Trade market streams end to end over pinned TLS, every subscribe signed with a fresh JWT. */
class CoinbaseMarketStreamSandboxTest {
  private static final String KEY_NAME = "organizations/sbx-org/apiKeys/sbx-stream-key";
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Subscription BOOK = new Subscription(BTC, StreamChannel.BOOK);

  private static final String ED_KEY_NAME = "organizations/sbx-org/apiKeys/sbx-ed25519-key";
  private static final String MISMATCHED_KEY_NAME = "organizations/sbx-org/apiKeys/sbx-registered-as-ec";

  private final KeyPair key = p256();
  private final KeyPair edKey = ed25519();
  private final CoinbaseStreamRoutes streams = new CoinbaseStreamRoutes(31, "BTC-USDT").cdpKey(KEY_NAME, key.getPublic())
      .cdpKey(ED_KEY_NAME, edKey.getPublic()).cdpKey(MISMATCHED_KEY_NAME, key.getPublic());
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false).routes(streams).start();
  private final CoinbaseClient client = CoinbaseClient.builder().config(sandbox.clientConfig()).build();
  private final StreamRecorder recorder = new StreamRecorder();
  private final List<MarketEvent> events = recorder.events;
  private final List<StreamSignal> signals = recorder.signals;
  private final BookModel model = recorder.model;

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private MarketStream open() {
    return open(ApiCredentials.ecP256(KEY_NAME, Secret.ofBytes(Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded()))));
  }

  private MarketStream open(ApiCredentials cdp) {
    return client.streams().baseUrl(sandbox.baseUrl()).cdpKey(cdp).listener(recorder)
        // Larger than every event a test publishes at once: a busy machine slows the listener, and
        // these tests are about books, not backpressure (BackpressureSandboxTest covers that).
        .buffer(32_768, io.tickguard.core.stream.Backpressure.FAIL).reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build()).open();
  }

  private void catchUp(MarketStream stream) {
    Await.until("the local book equals the sandbox's", () -> {
      streams.publishBook("BTC-USDT", 1);
      streams.heartbeat();
      return stream.book(BTC).map(this::equalsTruth).orElse(false);
    });
  }

  private boolean equalsTruth(OrderBook local) {
    SimOrderBook truth = streams.feed("BTC-USDT").snapshot(100_000);
    return local.bids().equals(levels(truth.bids())) && local.asks().equals(levels(truth.asks()));
  }

  private static List<PriceLevel> levels(List<SimLevel> sim) {
    List<PriceLevel> out = new ArrayList<>();
    sim.forEach(l -> out.add(new PriceLevel(l.price(), l.quantity())));
    return out;
  }

  @Test
  void aBookMaintainedOverTenThousandUpdatesEqualsTheSandboxBook() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      Await.until("synced", () -> stream.book(BTC).isPresent());
      streams.publishBook("BTC-USDT", 10_000);
      catchUp(stream);
      // The listener gets its events on the session's delivery thread, after the book has them.
      Await.until("the listener's own book caught up", () -> model.matches(stream.book(BTC).orElseThrow()));

      assertThat(model.matches(stream.book(BTC).orElseThrow())).isTrue();
      assertThat(events).noneMatch(e -> e instanceof BookInvalidated);
      assertThat(streams.refusedJwts()).isZero();
    }
  }

  @Test
  void aSequenceGapCausesExactlyOneResubscriptionAndNoInvalidBookIsObservable() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      catchUp(stream);

      streams.skipNextSequence();
      streams.publishBook("BTC-USDT", 5);
      Await.until("resynced", () -> model.snapshots == 2);
      catchUp(stream);

      assertThat(events.stream().filter(e -> e instanceof BookInvalidated).toList()).singleElement()
          .satisfies(e -> assertThat(((BookInvalidated) e).reason()).isEqualTo(BookInvalidated.Reason.SEQUENCE_GAP));
      assertThat(signals.stream().filter(s -> s instanceof StreamSignal.Resubscribed).count()).isEqualTo(1);
      assertThat(model.updatesWhileInvalid).isZero();
      Await.until("the listener's own book caught up", () -> model.matches(stream.book(BTC).orElseThrow()));
    }
  }

  @Test
  void anExpiredJwtOnSubscribeIsRefusedThenANewConnectionSubscribesWithAFreshOne() {
    streams.expireNextJwt();
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      catchUp(stream);

      assertThat(streams.refusedJwts()).isEqualTo(1);
      assertThat(streams.connectionsOpened()).isGreaterThanOrEqualTo(2);
      assertThat(signals).anyMatch(s -> s instanceof StreamSignal.Disconnected);
    }
  }

  @Test
  void aDroppedConnectionReconnectsResubscribesAndResyncs() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      catchUp(stream);

      streams.dropConnections();
      Await.until("a second connection", () -> streams.connectionsOpened() == 2);
      Await.until("resynced", () -> model.snapshots == 2);
      catchUp(stream);

      assertThat(events).anyMatch(e -> e instanceof BookInvalidated i && i.reason() == BookInvalidated.Reason.DISCONNECTED);
    }
  }

  @Test
  void anEd25519CdpKeySignsEverySubscribeWithAnEdDsaJwtTheSandboxVerifies() {
    ApiCredentials ed = ApiCredentials.ed25519(ED_KEY_NAME, Secret.ofBytes(Pem.encode("PRIVATE KEY", edKey.getPrivate().getEncoded())));
    try (MarketStream stream = open(ed)) {
      stream.subscribe(List.of(BOOK));
      Await.until("synced", () -> stream.book(BTC).isPresent());
      catchUp(stream);

      // The sandbox takes only EdDSA for this Ed25519 key: every accepted subscribe carried one.
      assertThat(streams.acceptedJwts()).isPositive();
      assertThat(streams.refusedJwts()).isZero();
      assertThat(events).noneMatch(e -> e instanceof BookInvalidated);
    }
  }

  @Test
  void anEdDsaJwtForAKeyRegisteredAsEcIsRefused() {
    ApiCredentials ed = ApiCredentials.ed25519(
        MISMATCHED_KEY_NAME, Secret.ofBytes(Pem.encode("PRIVATE KEY", edKey.getPrivate().getEncoded())));
    try (MarketStream stream = open(ed)) {
      stream.subscribe(List.of(BOOK));
      Await.until("the sandbox refused the subscribe's JWT", () -> streams.refusedJwts() > 0);

      assertThat(streams.acceptedJwts()).isZero();
      assertThat(stream.book(BTC)).isEmpty();
    }
  }

  @Test
  void aKeyOfAnotherKindIsRefusedBeforeAnyConnection() {
    ApiCredentials hmac = ApiCredentials.hmac("key", Secret.of("secret".toCharArray()));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.streams().cdpKey(hmac))
        .isInstanceOfSatisfying(io.tickguard.core.InvalidRequestException.class,
            e -> assertThat(e.field()).isEqualTo("credentials"))
        .hasMessageContaining("Ed25519");
  }
}
