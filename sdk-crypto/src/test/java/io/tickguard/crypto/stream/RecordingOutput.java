package io.tickguard.crypto.stream;

import io.tickguard.crypto.stream.internal.FeedOutput;
import java.util.ArrayList;
import java.util.List;

/** Records what a feed emitted, in order. */
public final class RecordingOutput implements FeedOutput {
  public final List<MarketEvent> events = new ArrayList<>();
  public final List<String> gaps = new ArrayList<>();
  public final List<String> resubscribes = new ArrayList<>();
  public final List<String> reconnects = new ArrayList<>();
  public int heartbeats;

  @Override
  public void event(MarketEvent event) {
    events.add(event);
  }

  @Override
  public void heartbeat() {
    heartbeats++;
  }

  @Override
  public void gap(String reason) {
    gaps.add(reason);
  }

  @Override
  public void resubscribe(String reason) {
    resubscribes.add(reason);
  }

  @Override
  public void reconnect(String reason) {
    reconnects.add(reason);
  }

  /** The events of type {@code type}, in order. */
  public <T extends MarketEvent> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (MarketEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
