/**
 * Streams through the same pipeline as calls: a long-lived streamed HTTP response read line by line
 * (NDJSON, such as OANDA's pricing stream) and WebSocket sessions (Binance, Kraken, Coinbase, Saxo).
 *
 * <p>A provider describes its stream once as a {@link io.tickguard.core.stream.StreamSpec}: the
 * connect {@link io.tickguard.core.ApiRequest} (validated by the Guard like any call), a small
 * {@link io.tickguard.core.stream.StreamProtocol} (what to send to subscribe, how to decode a message
 * into typed events and control signals), its own {@link io.tickguard.core.stream.StreamLimits},
 * a {@link io.tickguard.core.stream.ReconnectPolicy}, an idle (heartbeat) timeout and a bounded
 * buffer with an explicit {@link io.tickguard.core.stream.Backpressure} policy. {@code
 * ApiClient.openStream(...)} connects it (guard, throttle, auth headers, pinned TLS, audit) and
 * returns a {@link io.tickguard.core.stream.StreamSession} that owns reconnects, resubscription and
 * delivery.
 *
 * <p>This package knows no market: events are whatever type the protocol decodes.
 */
package io.tickguard.core.stream;
