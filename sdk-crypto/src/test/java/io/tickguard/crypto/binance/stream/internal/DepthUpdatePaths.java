package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The two ways a Binance stream message can be read, for the differential fuzz test in {@code
 * io.tickguard.crypto.hostile}: {@link BinanceMessage#read} (the compact {@code depthUpdate} fast
 * path first) and {@link BinanceMessage#readFull} alone. Each side keeps its own reused message, as a
 * feed does, so state left over from one message to the next shows as a difference.
 */
public final class DepthUpdatePaths {
  private final BinanceMessage whole = new BinanceMessage();
  private final BinanceMessage strict = new BinanceMessage();
  private final BinanceMessage probe = new BinanceMessage();
  private final CompactDepthUpdate compact = new CompactDepthUpdate(new TextCache(), new ArrayList<>());

  /** Every field a Binance message carries after a read; the ids and code only when present. */
  public record Fields(String event, String symbol, boolean hasId, long id, boolean hasCode, long code, String msg,
      boolean hasResult, long eventTime, long tradeTime, long tradeId, long firstUpdateId, long finalUpdateId,
      Boolean buyerMaker, List<BigDecimal> decimals, List<LevelChange> changes) {}

  /** {@code text} through the whole path. */
  public Fields whole(String text) {
    return fields(whole.read(text));
  }

  /** {@code text} through the full strict reader alone. */
  public Fields strict(String text) {
    return fields(strict.readFull(text));
  }

  /** Whether the compact reader takes {@code text} (else the whole path falls back to the strict one). */
  public boolean compactTakes(String text) {
    return compact.read(text, probe);
  }

  private static Fields fields(BinanceMessage m) {
    List<BigDecimal> decimals = new ArrayList<>();
    for (BigDecimal d : new BigDecimal[] {m.p, m.q, m.c, m.o, m.h, m.l, m.v, m.b, m.bQty, m.a, m.aQty}) {
      decimals.add(d); // nulls kept: which member is set matters
    }
    return new Fields(m.event, m.symbol, m.hasId, m.hasId ? m.id : 0, m.hasCode, m.hasCode ? m.code : 0, m.msg,
        m.hasResult, m.eventTime, m.tradeTime, m.tradeId, m.firstUpdateId, m.finalUpdateId, m.buyerMaker,
        decimals, m.changes == null ? null : List.copyOf(m.changes));
  }
}
