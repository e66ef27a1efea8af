package io.tickguard.crypto.stream.internal;

import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.crypto.stream.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a provider {@link Feed} as the streaming pipeline's {@link StreamProtocol}. On a reconnect it
 * invalidates the feed's books before the new connection's first message is decoded; the resulting
 * {@code BookInvalidated} events are emitted, in order, ahead of that message's events.
 */
public final class FeedProtocol implements StreamProtocol<MarketEvent> {
  private final Feed feed;
  private final List<MarketEvent> pending = new ArrayList<>();

  /** Adapts {@code feed}. */
  public FeedProtocol(Feed feed) {
    this.feed = feed;
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
