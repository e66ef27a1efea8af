package io.tickguard.market.internal;

import io.tickguard.core.auth.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider's key-permission endpoint says a key may do, mapped to TickGuard scopes.
 *
 * @param granted the scopes the key has
 * @param ipRestricted whether the key is bound to an IP allow-list, when the provider says
 * @param flags the provider's flags as reported ({@code enableWithdrawals=true}), for the report
 */
public record GrantedPermissions(Set<Scope> granted, Optional<Boolean> ipRestricted, List<String> flags) {
  /** Copies the collections. */
  public GrantedPermissions {
    granted = Set.copyOf(granted);
    flags = List.copyOf(flags);
  }
}
