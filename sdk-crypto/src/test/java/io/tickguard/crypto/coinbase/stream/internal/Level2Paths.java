package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.MessageReader;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways a Coinbase stream message can be read, for the differential fuzz test in {@code
 * io.tickguard.crypto.hostile}: {@link CoinbaseMessage#read} (the compact {@code l2_data} fast path
 * first) on one reused message, as a feed reads, and the full strict reader ({@link MessageReader})
 * alone on a fresh message each time (what {@code read} clears a message to).
 */
public final class Level2Paths {
  private final TextCache texts = new TextCache();
  private final CoinbaseMessage whole = new CoinbaseMessage(texts);
  private final CoinbaseMessage probe = new CoinbaseMessage(new TextCache());
  private final CompactLevel2 compact = new CompactLevel2(new TextCache());

  /** Every field of a message after a read. */
  public record Fields(String channel, String type, String message, long sequence, List<EventFields> events) {}

  /** Every field of one element of {@code events}. */
  public record EventFields(String type, String productId, List<LevelChange> updates, List<ItemFields> items,
      long heartbeatCounter) {}

  /** Every field of a trade or ticker. */
  public record ItemFields(String productId, String tradeId, String side, String time, List<BigDecimal> decimals) {}

  /** {@code text} through the whole path. */
  public Fields whole(String text) {
    return fields(whole.read(text));
  }

  /** {@code text} through the full strict reader alone. */
  public Fields strict(String text) {
    return fields(MessageReader.read(text, new CoinbaseMessage(texts)));
  }

  /** Whether the compact reader takes {@code text} (else the whole path falls back to the strict one). */
  public boolean compactTakes(String text) {
    probe.events.clear();
    return compact.read(text, probe);
  }

  private static Fields fields(CoinbaseMessage m) {
    List<EventFields> events = new ArrayList<>();
    for (CoinbaseMessage.Event e : m.events) {
      List<ItemFields> items = new ArrayList<>();
      for (CoinbaseMessage.Item i : e.items) {
        List<BigDecimal> decimals = new ArrayList<>();
        for (BigDecimal d : new BigDecimal[] {i.price, i.size, i.bestBid, i.bestAsk, i.low, i.high, i.volume, i.changePercent}) {
          decimals.add(d); // nulls kept: which member is set matters
        }
        items.add(new ItemFields(i.productId, i.tradeId, i.side, i.time, decimals));
      }
      events.add(new EventFields(e.type, e.productId, e.updates == null ? null : List.copyOf(e.updates), items,
          e.heartbeatCounter));
    }
    return new Fields(m.channel, m.type, m.message, m.sequence, events);
  }
}
