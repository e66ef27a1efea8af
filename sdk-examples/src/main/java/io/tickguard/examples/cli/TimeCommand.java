package io.tickguard.examples.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tickguard time}: the provider's clock and how far it is from this machine's. */
@Command(name = "time", mixinStandardHelpOptions = true, description = "The provider's clock and its distance from this machine's.")
final class TimeCommand extends MarketCommand {
  @Override
  int run(MarketSession session, Output out) {
    Instant server = session.client().serverTime();
    Duration offset = Duration.between(Instant.now(), server);
    if (out.json()) {
      Map<String, Object> o = Output.object();
      o.put("type", "time");
      o.put("provider", session.provider().id());
      o.put("serverTime", server);
      o.put("offsetMillis", offset.toMillis());
      out.json(o);
    } else {
      out.line("server time   " + server);
      out.line(String.format("local offset  %+d ms (server minus local, network time included)", offset.toMillis()));
    }
    return ExitCodes.OK;
  }
}
