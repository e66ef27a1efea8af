package io.tickguard.crypto.stream;

import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamSignal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener keeping every event and signal, and the book a listener can rebuild from the events. */
public final class StreamRecorder implements StreamListener<MarketEvent> {
  public final List<MarketEvent> events = new CopyOnWriteArrayList<>();
  public final List<StreamSignal> signals = new CopyOnWriteArrayList<>();
  public final BookModel model = new BookModel();

  @Override
  public void onEvent(MarketEvent event) {
    events.add(event);
    model.on(event);
  }

  @Override
  public void onSignal(StreamSignal signal) {
    signals.add(signal);
  }
}
