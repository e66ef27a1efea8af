package io.tickguard.crypto.kraken.internal;

import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.kraken.KrakenWsToken;
import io.tickguard.market.internal.JsonTree;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Kraken's {@code POST /0/private/GetWebSocketsToken}: the endpoint (signed, one point on the
 * private API counter) and the decoder of {@code {"error":[],"result":{"token":..,"expires":900}}}.
 * The token is checked to be the base64 text Kraken issues before it is trusted into a JSON
 * subscribe message; no message of a refusal shows it.
 */
public final class KrakenWsTokens {
  /** The signed endpoint; the signer adds the {@code nonce} form field and the headers. */
  public static final Endpoint ENDPOINT =
      Endpoint.builder("webSocketsToken", HttpMethod.POST, "/0/private/GetWebSocketsToken")
          .apiVersion("0")
          .scope(Scope.MARKET_DATA)
          .auth(AuthMode.SIGNED)
          // Asking again only issues another token: safe to replay (a fresh nonce is signed per attempt).
          .idempotent(true)
          .form(ParamSpec.optional("nonce", ParamSpec.INTEGER, 19))
          .limits(KrakenEndpoints.API_COUNTER)
          .weight(1)
          .build();

  /** What a token may contain: base64 or base64url text, as Kraken issues it. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{16,512}");
  /** The longest validity accepted; Kraken documents 15 minutes. */
  private static final long MAX_EXPIRES_SECONDS = 86_400;

  private KrakenWsTokens() {}

  /** Decodes the answer into a token received now on {@code clock}. */
  public static ResponseDecoder<KrakenWsToken> decoder(Clock clock) {
    return r -> {
      JsonNode result = KrakenEnvelope.result(r);
      String text = JsonTree.text(result, "token", "result.token");
      if (!TOKEN.matcher(text).matches()) {
        throw new InvalidResponseException("result.token",
            "Kraken's WebSocket token must be 16 to 512 base64 characters; the answer's is not (not shown)");
      }
      long expires = JsonTree.integer(result, "expires", "result.expires", 1, MAX_EXPIRES_SECONDS);
      return new KrakenWsToken(Secret.of(text.toCharArray()), clock.instant(), Duration.ofSeconds(expires));
    };
  }
}
