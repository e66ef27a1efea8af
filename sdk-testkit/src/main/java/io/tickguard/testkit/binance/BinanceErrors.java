package io.tickguard.testkit.binance;

import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxResponse;

/**
 * Binance's error body, {@code {"code":-1121,"msg":"Invalid symbol."}}, with the numeric codes and
 * messages of the spot API's error list ({@code errors.md} of binance/binance-spot-api-docs). The
 * shared route table reports its own failures with symbolic codes; they are translated here.
 */
final class BinanceErrors implements ErrorStyle {
  static final int UNKNOWN = -1000;
  static final int TOO_MANY_REQUESTS = -1003;
  static final int INVALID_TIMESTAMP = -1021;
  static final int INVALID_SIGNATURE = -1022;
  static final int BAD_START_END = -1023;
  static final int ILLEGAL_CHARS = -1100;
  static final int DUPLICATE_PARAMETER = -1101;
  static final int MANDATORY_PARAMETER = -1102;
  static final int UNREAD_PARAMETERS = -1104;
  static final int BAD_INTERVAL = -1120;
  static final int BAD_SYMBOL = -1121;
  static final int INVALID_PARAMETER_COMBINATION = -1128;
  static final int INVALID_PARAMETER = -1130;
  static final int BAD_RECV_WINDOW = -1131;
  static final int BAD_API_KEY_FORMAT = -2014;
  static final int REJECTED_API_KEY = -2015;

  private final RateLimitPolicy policy;

  BinanceErrors(RateLimitPolicy policy) {
    this.policy = policy;
  }

  @Override
  public SandboxResponse error(int status, String code, String message) {
    switch (code) {
      case "RATE_LIMITED":
        return body(status, TOO_MANY_REQUESTS, "Too much request weight used; current limit is " + policy.maxWeight()
            + " request weight per " + policy.window().toMinutes() + " MINUTE. Please use WebSocket Streams for live"
            + " updates to avoid polling the API.");
      case "IP_BANNED":
        return body(status, TOO_MANY_REQUESTS, "Way too much request weight used; IP banned. " + message);
      case "BAD_PARAMETER":
        return body(status, INVALID_PARAMETER, "Invalid data sent for a parameter.");
      case "INTERNAL":
        return body(status, UNKNOWN, "An unknown error occurred while processing the request.");
      default:
        return code.matches("-?[0-9]{1,6}") ? body(status, Integer.parseInt(code), message) : body(status, UNKNOWN, message);
    }
  }

  /** One Binance error body. */
  static SandboxResponse body(int status, int code, String message) {
    return SandboxResponse.json(status, SandboxJson.object().put("code", code).put("msg", message));
  }
}
