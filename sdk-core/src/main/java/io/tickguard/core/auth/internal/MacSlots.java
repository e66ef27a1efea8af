package io.tickguard.core.auth.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import javax.crypto.Mac;

/**
 * The keyed {@link Mac}s of one credentials: a prototype (never used to sign) and a few striped
 * slots of ready copies, so a signature borrows an initialised {@code Mac} instead of cloning one.
 *
 * <p>It is the per-thread {@code Mac} of a {@code ThreadLocal} without its drawback: the copies hang
 * off the credentials' own cache entry, not off the pool threads, so when the credentials rotate
 * the whole set becomes unreachable with the entry (a {@code ThreadLocal} would keep a keyed copy in
 * every thread that ever signed). A thread picks the slot of its identity hash; borrowing empties
 * the slot, returning refills it, so two threads that share a slot never share a {@code Mac}: the
 * loser of a race clones the prototype, as every signature did before.
 */
final class MacSlots {
  private static final int SLOTS = slotCount();
  /**
   * Slots are this many array elements apart, so that no two share a 64-byte cache line (references
   * take 4 or 8 bytes): threads on different cores would otherwise keep taking the line from each
   * other, two writes per signature, the contention the slots exist to avoid.
   */
  private static final int SPACING = 16;

  private final Mac prototype;
  private final Supplier<Mac> fresh;
  private final AtomicReferenceArray<Mac> slots = new AtomicReferenceArray<>(SLOTS * SPACING);

  /**
   * @param prototype an initialised {@code Mac}, only ever cloned
   * @param fresh makes a newly initialised {@code Mac} when the provider cannot clone
   */
  MacSlots(Mac prototype, Supplier<Mac> fresh) {
    this.prototype = prototype;
    this.fresh = fresh;
  }

  /** A keyed {@code Mac} in its initial state, owned by the caller until {@link #giveBack}. */
  Mac borrow() {
    Mac mac = slots.getAndSet(slot(), null);
    if (mac != null) {
      return mac;
    }
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return fresh.get();
    }
  }

  /** Returns a {@code Mac} after {@code doFinal} (which resets it) for the next signature. */
  void giveBack(Mac mac) {
    slots.compareAndSet(slot(), null, mac);
  }

  private static int slot() {
    return (System.identityHashCode(Thread.currentThread()) & (SLOTS - 1)) * SPACING;
  }

  private static int slotCount() {
    int wanted = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
    return Integer.highestOneBit(Math.min(wanted, 256) * 2 - 1);
  }
}
