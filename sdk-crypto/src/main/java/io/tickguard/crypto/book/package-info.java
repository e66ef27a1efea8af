/**
 * Local order books kept from a provider's snapshot and diffs: {@link
 * io.tickguard.crypto.book.LocalOrderBook} (a book that is readable only while every provider check
 * holds) and the providers' published checksum algorithms as pure functions ({@link
 * io.tickguard.crypto.book.KrakenChecksum}, {@link io.tickguard.crypto.book.OkxChecksum}) so users can
 * verify books themselves.
 */
package io.tickguard.crypto.book;
