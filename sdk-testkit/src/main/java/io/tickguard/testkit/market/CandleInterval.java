package io.tickguard.testkit.market;

import java.util.Optional;

/** The candle intervals the simulator serves, with the codes most providers use. */
public enum CandleInterval {
  /** One minute. */
  M1("1m", 60),
  /** Five minutes. */
  M5("5m", 300),
  /** Fifteen minutes. */
  M15("15m", 900),
  /** One hour. */
  H1("1h", 3600),
  /** Four hours. */
  H4("4h", 14400),
  /** One day. */
  D1("1d", 86400);

  private final String code;
  private final long seconds;

  CandleInterval(String code, long seconds) {
    this.code = code;
    this.seconds = seconds;
  }

  /** The interval's code, such as {@code 1m}. */
  public String code() {
    return code;
  }

  /** The interval's length in seconds. */
  public long seconds() {
    return seconds;
  }

  /** The interval with {@code code}, if any. */
  public static Optional<CandleInterval> ofCode(String code) {
    for (CandleInterval i : values()) {
      if (i.code.equals(code)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
