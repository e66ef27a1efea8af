package io.tickguard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The allowlist rule for one request parameter: a pattern its whole value must match and a maximum
 * length. The Guard stage refuses any parameter an endpoint did not declare, and any value that
 * breaks its rule, before any I/O.
 *
 * @param name the parameter name as sent on the wire
 * @param pattern the pattern the whole value must match
 * @param maxLength the maximum length in characters
 * @param required whether the endpoint needs the parameter
 */
public record ParamSpec(String name, Pattern pattern, int maxLength, boolean required) {

  /** Instrument symbols of every provider: {@code BTCUSDT}, {@code XBT/USD}, {@code BTC-USD}. */
  public static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]{0,39}");
  /** Unsigned decimal integers. */
  public static final Pattern INTEGER = Pattern.compile("[0-9]{1,19}");
  /** Signed decimal numbers without exponent. */
  public static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
  /** Identifiers and enum-like words. */
  public static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** Comma-separated lists of symbols or words. */
  public static final Pattern LIST = Pattern.compile("[A-Za-z0-9._/:,\\[\\]\"-]{1,4096}");

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be positive for parameter " + name);
    }
  }

  /** An optional parameter. */
  public static ParamSpec optional(String name, Pattern pattern, int maxLength) {
    return new ParamSpec(name, pattern, maxLength, false);
  }

  /** A required parameter. */
  public static ParamSpec required(String name, Pattern pattern, int maxLength) {
    return new ParamSpec(name, pattern, maxLength, true);
  }
}
