package io.tickguard.crypto.stream.internal;

import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.crypto.stream.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a provider {@link Feed} as the streaming pipeline's {@link StreamProtocol}. When a connection
 * ends, the session tells it synchronously and the feed's books become invalid at once; on a
 * reconnect it invalidates them again (in case the end went unnoticed) before the new connection's
 * first message is decoded, emitting any resulting {@code BookInvalidated} events, in order, ahead
 * of that message's events.
 */
public final class FeedProtocol implements StreamProtocol<MarketEvent> {
  private final Feed feed;
  private final List<MarketEvent> pending = new ArrayList<>();

  /** Adapts {@code feed}. */
  public FeedProtocol(Feed feed) {
    this.feed = feed;
  }

  /** The feed this protocol runs (a provider's spec may depend on it: Kraken's level3 host). */
  public Feed feed() {
    return feed;
  }

  @Override
  public List<String> onOpen(OpenReason reason) {
    return switch (reason) {
      case FIRST -> feed.onOpen(Feed.Open.FIRST);
      case RECONNECT -> {
        synchronized (pending) {
          feed.onDisconnect("reconnected: books resync on the new connection", new Collecting(pending));
        }
        yield feed.onOpen(Feed.Open.RECONNECT);
      }
      case RESUBSCRIBE -> feed.onOpen(Feed.Open.RESUBSCRIBE);
    };
  }

  /**
   * The connection ended: every book is invalidated now, on the thread that noticed, so that no
   * reader sees a book without a source in the window before the consumer gets {@code Disconnected}.
   */
  @Override
  public void onConnectionEnded(String reason, StreamEmitter<MarketEvent> emitter) {
    feed.onDisconnect(reason, emitter::event);
  }

  @Override
  public void onText(String message, StreamEmitter<MarketEvent> emitter) {
    synchronized (pending) {
      if (!pending.isEmpty()) {
        pending.forEach(emitter::event);
        pending.clear();
      }
    }
    feed.onText(message, new Emitting(emitter));
  }

  /** Feed output onto the pipeline's emitter. */
  private record Emitting(StreamEmitter<MarketEvent> emitter) implements FeedOutput {
    @Override
    public void event(MarketEvent event) {
      emitter.event(event);
    }

    @Override
    public void heartbeat() {
      emitter.heartbeat();
    }

    @Override
    public void gap(String reason) {
      emitter.gap(reason);
    }

    @Override
    public void resubscribe(String reason) {
      emitter.resubscribe(reason);
    }

    @Override
    public void reconnect(String reason) {
      emitter.reconnect(reason);
    }
  }

  /** Keeps events for later; control signals make no sense outside a message and are ignored. */
  private record Collecting(List<MarketEvent> into) implements FeedOutput {
    @Override
    public void event(MarketEvent event) {
      into.add(event);
    }
  }
}
