package io.tickguard.crypto.internal;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Reads one side of a book written as positional arrays, {@code [["price","size", ...], ...]}, the
 * layout Binance and Kraken share. Elements after the size (Kraken's timestamp) are skipped.
 */
public final class Levels {
  private Levels() {}

  /** Reads the array that follows; {@code path} names it in errors ({@code bids}). */
  public static List<PriceLevel> read(JsonStream in, String path) {
    in.next(JsonToken.START_ARRAY, path);
    List<PriceLevel> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      String at = path + "[" + i + "]";
      JsonStream.expect(in.current(), JsonToken.START_ARRAY, at);
      BigDecimal price = in.nextDecimal(at + ".price");
      BigDecimal size = in.nextDecimal(at + ".size");
      in.skipRestOfArray();
      out.add(Models.build(at + ".", () -> new PriceLevel(price, size)));
    }
    return out;
  }
}
