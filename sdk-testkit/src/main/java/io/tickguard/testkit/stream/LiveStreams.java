package io.tickguard.testkit.stream;

import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.market.SimTrade;
import java.util.List;

/**
 * A provider's sandbox WebSocket routes that can be driven: book changes, trades and heartbeats,
 * sent to every subscriber in the provider's own format. Tests call these directly; a {@link
 * LivePublisher} calls them on a timer so that a person watching the sandbox sees a live market.
 */
public interface LiveStreams extends ProviderRoutes {

  /** The canonical symbols ({@code BTC-USDT}) served. */
  List<String> symbols();

  /** Applies {@code count} book changes to {@code symbol} and sends each to its subscribers. */
  void publishBook(String symbol, int count);

  /** Makes {@code count} trades of {@code symbol}, sends them to its subscribers and returns them. */
  List<SimTrade> publishTrades(String symbol, int count);

  /** Sends the provider's heartbeat where it has one (Binance has none: its server pings). */
  void heartbeat();
}
