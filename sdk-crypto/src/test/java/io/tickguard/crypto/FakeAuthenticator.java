package io.tickguard.crypto;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.Request;

/** Stands in for the real signers (not on main yet): grants read scopes and marks each request. */
public final class FakeAuthenticator implements RequestAuthenticator {
  /** The header every authenticated request carries. */
  public static final String HEADER = "X-Test-Auth";

  @Override
  public Set<Scope> grantedScopes() {
    return EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
  }

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) {
    return request.newBuilder().header(HEADER, apiRequest.endpoint().authMode().name()).build();
  }
}
