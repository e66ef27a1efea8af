package io.tickguard.benchmarks.decode;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ResponseDecoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Decodes Binance {@code /api/v3/klines} (an array of 12-element arrays) straight from tokens into
 * {@link CandleBar}s (scaffolding, see the package note).
 */
public final class BinanceKlinesDecoder implements ResponseDecoder<List<CandleBar>> {
  /** The shared, stateless instance. */
  public static final BinanceKlinesDecoder INSTANCE = new BinanceKlinesDecoder();

  private BinanceKlinesDecoder() {}

  @Override
  public List<CandleBar> decode(ApiResponse response) {
    return decode(response.body());
  }

  /** Decodes a klines body. */
  public List<CandleBar> decode(byte[] body) {
    try (JsonParser p = StreamingJson.parser(body)) {
      StreamingJson.expect(p, JsonToken.START_ARRAY);
      List<CandleBar> candles = new ArrayList<>();
      while (p.nextToken() == JsonToken.START_ARRAY) {
        candles.add(candle(p));
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        throw new StreamReadException(p, "a candle must be an array");
      }
      StreamingJson.expectEnd(p);
      return List.copyOf(candles);
    }
  }

  private static CandleBar candle(JsonParser p) {
    Instant openTime = Instant.ofEpochMilli(StreamingJson.nextLong(p));
    BigDecimal open = StreamingJson.nextDecimalString(p);
    BigDecimal high = StreamingJson.nextDecimalString(p);
    BigDecimal low = StreamingJson.nextDecimalString(p);
    BigDecimal close = StreamingJson.nextDecimalString(p);
    BigDecimal volume = StreamingJson.nextDecimalString(p);
    Instant closeTime = Instant.ofEpochMilli(StreamingJson.nextLong(p));
    StreamingJson.skipValue(p); // quote asset volume
    long trades = StreamingJson.nextLong(p);
    // taker buy base volume, taker buy quote volume, "ignore": not part of the model
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == null) {
        throw new StreamReadException(p, "candle array is not closed");
      }
      p.skipChildren();
    }
    return new CandleBar(openTime, closeTime, open, high, low, close, volume, trades);
  }
}
