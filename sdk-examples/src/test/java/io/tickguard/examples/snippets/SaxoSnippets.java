package io.tickguard.examples.snippets;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.saxo.SaxoClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** docs/streaming.md's Saxo snippet, compiled; SnippetsTest keeps them equal. */
@SuppressWarnings("unused")
final class SaxoSnippets {
  private SaxoSnippets() {}

  static void stream(SaxoClient saxo, Map<CurrencyPair, Quote> latest) {
    // tag::saxo-stream[]
    List<CurrencyPair> pairs = List.of(CurrencyPair.of("EUR", "USD"));
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(1024, Backpressure.DROP_OLDEST);
    try (QuoteStream prices = saxo.streamQuotes(pairs, options)) {
      while (true) {
        Optional<QuoteEvent> event = prices.poll(Duration.ofSeconds(30));
        if (event.isPresent() && event.get() instanceof QuoteEvent.Price p) {
          latest.put(p.quote().pair(), p.quote());
        } else if (event.isPresent()) { // QuoteEvent.Gap: quotes changed while the stream was away
          saxo.quotes(pairs.toArray(new CurrencyPair[0])).forEach(q -> latest.put(q.pair(), q));
        }
      }
    } catch (StreamClosedException ended) {
      // closed, or given up on: QuoteStream.failure() said why
    }
    // end::saxo-stream[]
  }
}
