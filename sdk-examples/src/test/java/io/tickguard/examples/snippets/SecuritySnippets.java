package io.tickguard.examples.snippets;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.AnomalyPolicy;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityEventListener;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.core.security.UsageSnapshot;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import java.time.Duration;
import java.util.function.Consumer;

/** The compiled source of the snippets in docs/security.md (compiled, not run: it needs real keys). */
final class SecuritySnippets {
  private SecuritySnippets() {}

  static UsageSnapshot monitoredClient(Consumer<SecurityEvent> pager) {
    // tag::security[]
    SecurityOptions security = SecurityOptions.builder()
        .listener(SecurityEventListener.logging().andThen(pager::accept))
        .anomalyPolicy(AnomalyPolicy.builder()
            .threshold(SecurityEventKind.CREDENTIAL_REJECTED, 3, Duration.ofMinutes(1))
            .killSwitchOn(SecurityEventKind.CREDENTIAL_REJECTED, SecurityEventKind.PIN_MISMATCH)
            .build())
        .build();
    ClientConfig config = ClientConfig.builder("https://api.binance.com")
        .egress(Egress.httpProxy("10.0.0.5", 3128).withProxyCredentials("bot", Secret.fromEnv("PROXY_PASSWORD")))
        .security(security)
        .build();
    try (BinanceClient binance = BinanceClient.builder().config(config)
        .credentials(ApiCredentials.hmac("my-key", Secret.fromEnv("BINANCE_API_SECRET")))
        .keyPermissionAudit(KeyAuditPolicy.STRICT)
        .build()) {
      binance.ticker(Symbol.of("BTC", "USDT"));
      return binance.usage();
    }
    // end::security[]
  }
}
