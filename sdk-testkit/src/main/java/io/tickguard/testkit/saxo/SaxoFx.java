package io.tickguard.testkit.saxo;

import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimTicker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's FX spot universe in Saxo's terms: every simulated instrument whose base and quote
 * are ISO currencies becomes an {@code FxSpot} instrument with a Uic (Saxo's own Uics for the
 * majors, so that a sample copied from Saxo's docs works), and its prices become Saxo InfoPrice
 * objects with JSON numbers.
 */
final class SaxoFx {
  private static final Set<String> CURRENCIES =
      Set.of("EUR", "USD", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK");
  /** Saxo's Uics of the majors, as its reference data lists them. */
  private static final Map<String, Integer> KNOWN_UICS = Map.of(
      "EURUSD", 21, "USDJPY", 42, "GBPUSD", 31, "EURGBP", 17, "AUDUSD", 4, "USDCAD", 38, "USDCHF", 39,
      "EURJPY", 18, "GBPAUD", 22, "GBPCAD", 23);

  /** One FX instrument: the simulator's symbol, Saxo's symbol, Uic and display decimals. */
  record Pair(String simSymbol, String saxoSymbol, int uic, Instrument instrument) {
    String base() {
      return instrument.base();
    }

    String quote() {
      return instrument.quote();
    }

    /**
     * Saxo's {@code Decimals} with {@code Format: AllowDecimalPips}: the pip's decimals, one fewer
     * than the price's (EURUSD: 4, priced to 5 decimals).
     */
    int decimals() {
      return Math.max(0, instrument.tickSize().stripTrailingZeros().scale() - 1);
    }
  }

  private final MarketSimulator market;
  private final Map<Integer, Pair> byUic = new LinkedHashMap<>();

  SaxoFx(MarketSimulator market) {
    this.market = market;
    int next = 100_001;
    for (Instrument i : market.instruments().values()) {
      if (CURRENCIES.contains(i.base()) && CURRENCIES.contains(i.quote())) {
        String symbol = i.base() + i.quote();
        int uic = KNOWN_UICS.getOrDefault(symbol, next++);
        byUic.put(uic, new Pair(i.symbol(), symbol, uic, i));
      }
    }
  }

  Map<Integer, Pair> pairs() {
    return byUic;
  }

  Optional<Pair> pair(int uic) {
    return Optional.ofNullable(byUic.get(uic));
  }

  /** A full InfoPrice (field groups Quote and DisplayAndFormat) for {@code pair} now. */
  ObjectNode infoPrice(Pair pair) {
    SimTicker t = market.ticker(pair.simSymbol());
    ObjectNode price = SandboxJson.object();
    price.put("AssetType", "FxSpot");
    price.set("DisplayAndFormat", SandboxJson.object()
        .put("Currency", pair.quote())
        .put("Decimals", pair.decimals())
        .put("Description", name(pair.base()) + "/" + name(pair.quote()))
        .put("Format", "AllowDecimalPips")
        .put("OrderDecimals", pair.decimals())
        .put("Symbol", pair.saxoSymbol()));
    price.put("LastUpdated", t.time().toString());
    price.set("Quote", quote(t));
    price.put("Uic", pair.uic());
    return price;
  }

  /** The Quote group of {@code pair} now. */
  ObjectNode quote(Pair pair) {
    return quote(market.ticker(pair.simSymbol()));
  }

  Instant now() {
    return market.clock().instant();
  }

  private static ObjectNode quote(SimTicker t) {
    BigDecimal mid = t.bid().add(t.ask()).divide(BigDecimal.valueOf(2));
    return SandboxJson.object()
        .put("Amount", 100000)
        .put("Ask", t.ask())
        .put("Bid", t.bid())
        .put("DelayedByMinutes", 0)
        .put("ErrorCode", "None")
        .put("MarketState", "Open")
        .put("Mid", mid)
        .put("PriceTypeAsk", "Tradable")
        .put("PriceTypeBid", "Tradable");
  }

  private static String name(String currency) {
    return switch (currency) {
      case "EUR" -> "Euro";
      case "USD" -> "US Dollar";
      case "GBP" -> "British Pound";
      case "JPY" -> "Japanese Yen";
      case "CHF" -> "Swiss Franc";
      case "AUD" -> "Australian Dollar";
      case "CAD" -> "Canadian Dollar";
      default -> currency;
    };
  }
}
