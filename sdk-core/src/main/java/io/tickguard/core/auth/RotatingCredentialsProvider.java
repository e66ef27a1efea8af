package io.tickguard.core.auth;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Credentials that can be replaced while a client runs, without a restart and without a failed call.
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>{@link #rotate} swaps the credentials atomically. An attempt that already {@linkplain
 *       #acquire() leased} the old credentials finishes signing with them (its request then travels
 *       with the old key, which the provider still accepts until you revoke it); every lease taken
 *       after the swap gets the new ones.
 *   <li>{@link Retired#destroyWhenUnused()} destroys the old secret as soon as the last lease on it
 *       is closed (at once when none is open). Revoke the old key at the provider only after calls
 *       sent with it have completed.
 * </ul>
 *
 * <p>Leases are counted per credentials; the count is taken with a compare-and-set so a lease never
 * starts on credentials that were already destroyed.
 */
public final class RotatingCredentialsProvider implements CredentialsProvider {
  private final AtomicReference<Holder> current;

  /** Starts with {@code initial}. */
  public RotatingCredentialsProvider(ApiCredentials initial) {
    this.current = new AtomicReference<>(new Holder(Objects.requireNonNull(initial, "initial")));
  }

  @Override
  public ApiCredentials current() {
    return current.get().credentials;
  }

  @Override
  public CredentialsLease acquire() {
    while (true) {
      Holder holder = current.get();
      if (holder.tryEnter()) {
        return holder.new Lease();
      }
      // The holder was retired and drained between get() and tryEnter(): read the new one.
    }
  }

  /**
   * Makes {@code next} the credentials of new calls and returns a handle on the previous ones.
   */
  public Retired rotate(ApiCredentials next) {
    Holder previous = current.getAndSet(new Holder(Objects.requireNonNull(next, "next")));
    return new Retired(previous);
  }

  /** Credentials that were rotated out. */
  public static final class Retired {
    private final Holder holder;

    private Retired(Holder holder) {
      this.holder = holder;
    }

    /** The retired credentials. */
    public ApiCredentials credentials() {
      return holder.credentials;
    }

    /**
     * Destroys the retired credentials' secrets once no lease holds them; the returned future
     * completes when that happened.
     */
    public CompletableFuture<Void> destroyWhenUnused() {
      holder.retire();
      return holder.destroyed;
    }

    /** How many attempts are still signing with the retired credentials. */
    public int inUse() {
      return Math.max(0, holder.leases.get() & Integer.MAX_VALUE);
    }
  }

  /** One credentials set with its lease count; the sign bit marks it retired. */
  private static final class Holder {
    private static final int RETIRED = Integer.MIN_VALUE;

    final ApiCredentials credentials;
    final AtomicInteger leases = new AtomicInteger();
    final CompletableFuture<Void> destroyed = new CompletableFuture<>();

    Holder(ApiCredentials credentials) {
      this.credentials = credentials;
    }

    boolean tryEnter() {
      while (true) {
        int state = leases.get();
        if (state == RETIRED) {
          return false; // retired and drained: destroyed or about to be
        }
        if (leases.compareAndSet(state, state + 1)) {
          return true;
        }
      }
    }

    void exit() {
      if (leases.decrementAndGet() == RETIRED) {
        destroyNow();
      }
    }

    void retire() {
      while (true) {
        int state = leases.get();
        if ((state & RETIRED) != 0) {
          return;
        }
        if (leases.compareAndSet(state, state | RETIRED)) {
          if (state == 0) {
            destroyNow();
          }
          return;
        }
      }
    }

    private void destroyNow() {
      credentials.destroy();
      destroyed.complete(null);
    }

    final class Lease implements CredentialsLease {
      private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

      @Override
      public ApiCredentials credentials() {
        return credentials;
      }

      @Override
      public void close() {
        if (open.compareAndSet(true, false)) {
          exit();
        }
      }
    }
  }
}
