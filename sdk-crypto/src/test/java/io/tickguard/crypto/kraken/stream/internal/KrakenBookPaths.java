package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;

/**
 * The two ways a Kraken stream message can be read, for {@link CompactBookTest} and the differential
 * fuzz test in {@code io.tickguard.crypto.hostile}: {@link KrakenMessage#read(String, TextCache,
 * CompactBook)} (the compact {@code book} fast path first, then the full reader), with one cache and
 * one fast reader reused as a feed reuses them, and the full strict reader alone.
 */
public final class KrakenBookPaths {
  private final TextCache texts = new TextCache();
  private final CompactBook compact = new CompactBook(texts);
  private final CompactBook probe = new CompactBook(new TextCache());

  /** {@code text} through the whole path: every field of the message read. */
  public String whole(String text) {
    return describe(KrakenMessage.read(text, texts, compact));
  }

  /** {@code text} through the full strict reader alone. */
  public String strict(String text) {
    return describe(KrakenMessage.readFull(text, texts));
  }

  /** Whether the compact reader takes {@code text} (else the whole path falls back to the strict one). */
  public boolean compactTakes(String text) {
    return probe.read(text, new KrakenMessage(new TextCache()));
  }

  /** Every field of {@code m}, each decimal with its scale. */
  public static String describe(KrakenMessage m) {
    StringBuilder s = new StringBuilder().append(m.channel).append('|').append(m.type).append('|').append(m.method).append('|')
        .append(m.success).append('|').append(m.error).append('|').append(m.symbol).append('|').append(m.reqId).append('|')
        .append(m.resultSymbol).append('|').append(m.resultChannel);
    for (KrakenMessage.Item i : m.items) {
      s.append("\n item ").append(i.symbol).append('|').append(i.side).append('|').append(decimal(i.price)).append('|')
          .append(decimal(i.qty)).append('|').append(i.tradeId).append('|').append(i.timestamp).append('|').append(decimal(i.bid))
          .append('|').append(decimal(i.bidQty)).append('|').append(decimal(i.ask)).append('|').append(decimal(i.askQty))
          .append('|').append(decimal(i.last)).append('|').append(decimal(i.volume)).append('|').append(decimal(i.low))
          .append('|').append(decimal(i.high)).append('|').append(decimal(i.change)).append('|').append(i.checksum).append('|')
          .append(i.connectionId).append('|').append(i.system).append('|').append(i.apiVersion).append('|').append(i.orders);
      if (i.changes != null) {
        for (LevelChange c : i.changes) {
          s.append("\n  ").append(c.side()).append(' ').append(decimal(c.price())).append(' ').append(decimal(c.size()));
        }
      } else {
        s.append(" no changes");
      }
    }
    return s.toString();
  }

  private static String decimal(BigDecimal d) {
    return d == null ? "null" : d.unscaledValue() + "e-" + d.scale();
  }
}
