package io.tickguard.benchmarks.decode;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ResponseDecoder;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/**
 * Decodes Binance {@code /api/v3/depth} straight from tokens into an {@link OrderBookSnapshot}
 * (scaffolding, see the package note). Streaming skips the intermediate tree: no node per level, no
 * {@code String} per price.
 */
public final class BinanceDepthDecoder implements ResponseDecoder<OrderBookSnapshot> {
  /** The shared, stateless instance. */
  public static final BinanceDepthDecoder INSTANCE = new BinanceDepthDecoder();

  private BinanceDepthDecoder() {}

  @Override
  public OrderBookSnapshot decode(ApiResponse response) {
    return decode(response.body());
  }

  /** Decodes a depth body. */
  public OrderBookSnapshot decode(byte[] body) {
    try (JsonParser p = StreamingJson.parser(body)) {
      StreamingJson.expect(p, JsonToken.START_OBJECT);
      long lastUpdateId = -1;
      List<BookLevel> bids = null;
      List<BookLevel> asks = null;
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        switch (name) {
          case "lastUpdateId" -> lastUpdateId = StreamingJson.nextLong(p);
          case "bids" -> bids = levels(p);
          case "asks" -> asks = levels(p);
          default -> StreamingJson.skipValue(p); // providers add fields without notice
        }
      }
      if (lastUpdateId < 0 || bids == null || asks == null) {
        throw new StreamReadException(p, "depth needs lastUpdateId, bids and asks");
      }
      StreamingJson.expectEnd(p);
      return new OrderBookSnapshot(lastUpdateId, bids, asks);
    }
  }

  private static List<BookLevel> levels(JsonParser p) {
    StreamingJson.expect(p, JsonToken.START_ARRAY);
    List<BookLevel> levels = new ArrayList<>();
    while (p.nextToken() == JsonToken.START_ARRAY) {
      BookLevel level = new BookLevel(StreamingJson.nextDecimalString(p), StreamingJson.nextDecimalString(p));
      StreamingJson.expect(p, JsonToken.END_ARRAY);
      levels.add(level);
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new StreamReadException(p, "a level must be a [price, quantity] array");
    }
    return levels;
  }
}
