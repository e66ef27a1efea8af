package io.tickguard.forex.saxo;

import io.tickguard.core.InvalidRequestException;
import okhttp3.HttpUrl;

/**
 * Where a Saxo environment lives: the OpenAPI REST root, the streaming root, and the login
 * service's authorization and token endpoints.
 *
 * @param rest the REST root, ending in {@code /} ({@code https://gateway.saxobank.com/sim/openapi/})
 * @param streaming the streaming root, ending in {@code /} ({@code https://sim-streaming.saxobank.com/sim/oapi/})
 * @param authorize the OAuth authorization endpoint
 * @param token the OAuth token endpoint
 */
public record SaxoUrls(HttpUrl rest, HttpUrl streaming, HttpUrl authorize, HttpUrl token) {

  /** Validates that every URL is present and the roots end in {@code /}. */
  public SaxoUrls {
    for (Object[] u : new Object[][] {{rest, "rest"}, {streaming, "streaming"}, {authorize, "authorize"}, {token, "token"}}) {
      if (u[0] == null) {
        throw new InvalidRequestException((String) u[1], "Saxo URL " + u[1] + " is required");
      }
    }
    if (!rest.encodedPath().endsWith("/") || !streaming.encodedPath().endsWith("/")) {
      throw new InvalidRequestException("rest", "Saxo REST and streaming roots must end in '/'");
    }
  }

  /** Saxo's simulation environment (SIM), where developer apps start. */
  public static SaxoUrls simulation() {
    return new SaxoUrls(
        HttpUrl.get("https://gateway.saxobank.com/sim/openapi/"),
        HttpUrl.get("https://sim-streaming.saxobank.com/sim/oapi/"),
        HttpUrl.get("https://sim.logonvalidation.net/authorize"),
        HttpUrl.get("https://sim.logonvalidation.net/token"));
  }

  /** Saxo's live environment. */
  public static SaxoUrls live() {
    return new SaxoUrls(
        HttpUrl.get("https://gateway.saxobank.com/openapi/"),
        HttpUrl.get("https://streaming.saxobank.com/oapi/"),
        HttpUrl.get("https://live.logonvalidation.net/authorize"),
        HttpUrl.get("https://live.logonvalidation.net/token"));
  }

  /** Every endpoint on one host under the given paths (the TickGuard sandbox). */
  public static SaxoUrls of(String rest, String streaming, String authorize, String token) {
    return new SaxoUrls(HttpUrl.get(rest), HttpUrl.get(streaming), HttpUrl.get(authorize), HttpUrl.get(token));
  }
}
