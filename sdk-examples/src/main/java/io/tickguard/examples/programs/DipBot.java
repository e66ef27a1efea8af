package io.tickguard.examples.programs;

import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A bot skeleton: polls a ticker, keeps a moving average of the mid price and says BUY when the
 * ask drops a given fraction below it (replace {@link #decide} and the print with your strategy and
 * your order client). A failed call is logged and the loop goes on; {@code DipBotTest} beside it
 * runs it against the {@code @Sandbox}.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.DipBot [--live]</pre>
 */
public final class DipBot {
  /** What the bot decided on one tick. */
  public enum Decision { WAIT, BUY }

  private final CryptoMarketData market;
  private final Symbol symbol;
  private final int window;
  private final BigDecimal dip;
  private final Deque<BigDecimal> mids = new ArrayDeque<>();

  /** A bot on {@code symbol} buying when the ask is {@code dip} (0.001 = 0.1 %) below the {@code window}-tick average. */
  public DipBot(CryptoMarketData market, Symbol symbol, int window, BigDecimal dip) {
    this.market = market;
    this.symbol = symbol;
    this.window = window;
    this.dip = dip;
  }

  /** One tick: reads the ticker and decides. */
  public Decision tick() {
    Ticker t = market.ticker(symbol);
    BigDecimal mid = t.bid().add(t.ask()).divide(BigDecimal.valueOf(2), t.ask().scale() + 1, RoundingMode.HALF_EVEN);
    Decision d = decide(average(), t.ask());
    mids.addLast(mid);
    if (mids.size() > window) {
      mids.removeFirst();
    }
    return d;
  }

  /** BUY when a full window's average is known and the ask is at least {@code dip} below it. */
  Decision decide(BigDecimal average, BigDecimal ask) {
    if (mids.size() < window) {
      return Decision.WAIT;
    }
    BigDecimal threshold = average.multiply(BigDecimal.ONE.subtract(dip));
    return ask.compareTo(threshold) <= 0 ? Decision.BUY : Decision.WAIT;
  }

  BigDecimal average() {
    return mids.isEmpty() ? BigDecimal.ZERO
        : mids.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(mids.size()), 10, RoundingMode.HALF_EVEN);
  }

  /** Runs {@code ticks} ticks {@code pause} apart and returns how many decisions were made. */
  public int run(int ticks, Duration pause, PrintStream out) throws InterruptedException {
    int decided = 0;
    for (int i = 0; i < ticks; i++) {
      try {
        out.println(symbol + " " + tick());
        decided++;
      } catch (TickGuardException e) {
        out.println(symbol + " skipped: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (i + 1 < ticks && !pause.isZero()) {
        Thread.sleep(pause.toMillis());
      }
    }
    return decided;
  }

  public static void main(String[] args) throws InterruptedException {
    Symbol btc = Symbol.of("BTC", "USDT");
    if (List.of(args).contains("--live")) {
      try (BinanceClient binance = BinanceClient.builder().build()) {
        new DipBot(binance, btc, 10, new BigDecimal("0.001")).run(60, Duration.ofSeconds(1), System.out);
      }
      return;
    }
    try (SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder()).start();
         BinanceClient binance = BinanceClient.builder().config(sandbox.clientConfig())
             .credentials(ApiCredentials.hmac(ProviderSandbox.BINANCE_API_KEY,
                 Secret.of(ProviderSandbox.BINANCE_API_SECRET.toCharArray())))
             .build()) {
      new DipBot(binance, btc, 5, new BigDecimal("0.0001")).run(10, Duration.ofSeconds(1), System.out);
    }
  }
}
