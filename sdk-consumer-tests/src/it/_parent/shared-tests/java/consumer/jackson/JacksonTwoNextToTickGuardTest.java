package consumer.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.tickguard.core.ClientConfig;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.junit.Sandbox;
import io.tickguard.testkit.providers.ProviderSandbox;
import org.junit.jupiter.api.Test;

/** The user's Jackson 2 keeps its version and its annotations work, in the same JVM as TickGuard's Jackson 3. */
@Sandbox(providers = ProviderSandbox.BINANCE)
class JacksonTwoNextToTickGuardTest {

  /** A user's own Jackson 2 DTO. */
  public static final class Order {
    @JsonProperty("px")
    public String price;
  }

  @Test
  void usersJacksonStaysAtItsVersion() {
    assertEquals(System.getProperty("expected.jackson2"), PackageVersion.VERSION.toString());
  }

  @Test
  void usersJacksonTwoAndTickGuardBothWorkInOneJvm(ClientConfig config) throws Exception {
    ObjectMapper jackson2 = new ObjectMapper();
    Order order = jackson2.readValue("{\"px\":\"101.5\"}", Order.class);
    assertEquals("{\"px\":\"101.5\"}", jackson2.writeValueAsString(order));

    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      Ticker ticker = binance.ticker(Symbol.of("BTC", "USDT"));
      assertNotNull(ticker.last());
    }
  }
}
