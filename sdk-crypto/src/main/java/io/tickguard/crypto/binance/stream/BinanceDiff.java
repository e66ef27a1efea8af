package io.tickguard.crypto.binance.stream;

import io.tickguard.crypto.book.LevelChange;
import java.util.List;

/** One {@code depthUpdate}: the update ids it spans and its level changes (bids first). */
record BinanceDiff(long firstUpdateId, long finalUpdateId, List<LevelChange> changes) {}
