/**
 * The sandbox's WebSocket market streams: each provider's endpoint in its own message formats
 * (subscribe and acknowledgement, snapshot, updates, heartbeats), served from {@link
 * io.tickguard.testkit.stream.SimBookFeed}s, with faults a test injects (a dropped connection, a
 * sequence gap, a corrupted checksum, the provider's connection lifetime).
 */
package io.tickguard.testkit.stream;
