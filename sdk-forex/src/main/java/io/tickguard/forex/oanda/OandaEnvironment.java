package io.tickguard.forex.oanda;

/**
 * OANDA's two v20 environments. Each has a REST host and a separate streaming host; a token works
 * only in the environment that issued it.
 *
 * <p>Source: developer.oanda.com, "Development Guide" (REST API hosts and streaming hosts).
 */
public enum OandaEnvironment {
  /** The fxTrade Practice (demo) environment. */
  PRACTICE("https://api-fxpractice.oanda.com", "https://stream-fxpractice.oanda.com"),
  /** The fxTrade (live money) environment. */
  LIVE("https://api-fxtrade.oanda.com", "https://stream-fxtrade.oanda.com");

  private final String restUrl;
  private final String streamUrl;

  OandaEnvironment(String restUrl, String streamUrl) {
    this.restUrl = restUrl;
    this.streamUrl = streamUrl;
  }

  /** The REST host. */
  public String restUrl() {
    return restUrl;
  }

  /** The streaming host (pricing stream). */
  public String streamUrl() {
    return streamUrl;
  }
}
