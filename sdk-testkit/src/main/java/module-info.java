/**
 * TickGuard's sandbox: a TLS server on loopback that speaks the providers' wire formats, with
 * scriptable faults, and a JUnit 5 extension. It depends on core only.
 */
module io.tickguard.testkit {
  requires transitive io.tickguard.core;
  requires transitive mockwebserver3;
  requires transitive okhttp3.tls;
  requires java.logging; // MockWebServer logs through java.util.logging; the sandbox routes it to SLF4J
  requires static transitive org.junit.jupiter.api;

  exports io.tickguard.testkit;
  exports io.tickguard.testkit.binance;
  exports io.tickguard.testkit.coinbase;
  exports io.tickguard.testkit.demo;
  exports io.tickguard.testkit.insightease;
  exports io.tickguard.testkit.junit;
  exports io.tickguard.testkit.kraken;
  exports io.tickguard.testkit.market;
  exports io.tickguard.testkit.oanda;
  exports io.tickguard.testkit.providers;
  exports io.tickguard.testkit.saxo;
  exports io.tickguard.testkit.stream;
}
