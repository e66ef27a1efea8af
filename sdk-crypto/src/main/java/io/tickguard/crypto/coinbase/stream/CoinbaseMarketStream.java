package io.tickguard.crypto.coinbase.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.stream.MessageSigner;
import io.tickguard.core.stream.StreamLimits;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.crypto.coinbase.stream.internal.CoinbaseFeed;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.crypto.stream.internal.FeedStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Coinbase Advanced Trade market streams ({@code wss://advanced-trade-ws.coinbase.com}): one channel
 * per subscribe message, each sent right after connecting (Coinbase closes a connection that has not
 * subscribed within 5 seconds) with a fresh 120-second JWT when a CDP key is given, connects throttled
 * to Coinbase's 8 per second per IP, the {@code heartbeats} channel on every connection, and {@code
 * sequence_num} / {@code heartbeat_counter} continuity checked per connection.
 */
public final class CoinbaseMarketStream {
  /** The production market-data host. */
  public static final String DEFAULT_BASE_URL = "wss://advanced-trade-ws.coinbase.com";

  /** The WebSocket endpoint. */
  public static final Endpoint STREAM = Endpoint.builder("ws", HttpMethod.GET, "/").build();

  /** Coinbase's connection limit: 8 new connections a second per IP. */
  public static final LimitPreset CONNECTS = new LimitPreset(
      "coinbase-ws-connects", List.of(RateLimit.fixedWindow("WS_CONNECTS", 8, Duration.ofSeconds(1))), List.of(),
      "https://docs.cdp.coinbase.com/coinbase-app/advanced-trade-apis/websocket/websocket-rate-limits");

  private CoinbaseMarketStream() {}

  /** A builder opening connections on {@code api}. */
  public static Builder builder(ApiClient api) {
    return new Builder(api);
  }

  /** Builds a Coinbase {@link MarketStream}. */
  public static final class Builder extends MarketStreamBuilder<Builder> {
    private final ApiClient api;
    private ApiCredentials cdpKey;

    private Builder(ApiClient api) {
      this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * Authenticates every subscribe message with a fresh JWT of this CDP key (public channels work
     * without): ES256 for an EC P-256 key, EdDSA for an Ed25519 key.
     *
     * @throws InvalidRequestException for any other kind of key
     */
    public Builder cdpKey(ApiCredentials credentials) {
      Objects.requireNonNull(credentials, "credentials");
      if (credentials.keyType() != KeyType.EC_P256 && credentials.keyType() != KeyType.ED25519) {
        throw new InvalidRequestException("credentials", "Coinbase CDP keys for streams are EC P-256 (ES256 JWTs)"
            + " or Ed25519 (EdDSA JWTs), not " + credentials.keyType() + ": use the key Coinbase's CDP portal issued");
      }
      this.cdpKey = credentials;
      return this;
    }

    @Override
    public MarketStream open() {
      Clock clock = clockOrNull() != null ? clockOrNull() : Clock.systemUTC();
      MessageSigner signer = cdpKey == null ? MessageSigner.none() : new CoinbaseWsJwt(cdpKey, clock);
      StreamLimits limits = StreamLimits.builder().connects(CONNECTS).build();
      return new FeedStream(api, CoinbaseFeed::new, protocol -> webSocket(STREAM, protocol, DEFAULT_BASE_URL)
          .limits(limits)
          .messageSigner(signer)
          .heartbeat(Duration.ofSeconds(5), 6) // the heartbeats channel ticks every second
          .build(), listenerOrNull(), capacity(), backpressure());
    }
  }
}
