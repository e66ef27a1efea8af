package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The OAuth token endpoint's answer is parsed from untrusted bytes. Every answer, whatever its status
 * and body, ends in a {@link TokenGrant} with a usable token or a typed {@link TickGuardException};
 * never a parser, arithmetic or date-time exception.
 *
 * <p>The first input byte picks the status; the rest is the body. No socket is opened: an
 * application interceptor answers the call in-process. Regression inputs:
 * {@code src/test/resources/io/tickguard/core/token/TokenResponseFuzzTestInputs/}.
 */
class TokenResponseFuzzTest {
  private static final int[] STATUSES = {200, 400, 401, 403, 429, 500, 503, 201};
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  private volatile byte[] answer = new byte[0];
  private final OkHttpClient http = new OkHttpClient.Builder()
      .addInterceptor(chain -> {
        byte[] in = answer;
        int status = STATUSES[(in.length == 0 ? 0 : in[0] & 0xFF) % STATUSES.length];
        byte[] body = in.length == 0 ? in : Arrays.copyOfRange(in, 1, in.length);
        return new Response.Builder()
            .request(chain.request())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("fuzz")
            .body(ResponseBody.create(body, JSON))
            .header("Content-Type", JSON.toString())
            .build();
      })
      .build();
  private final TokenEndpointClient endpoint =
      TokenEndpointClient.builder(http, HttpUrl.get("https://auth.example.com/token"), "fuzz-client")
          .clientSecret(Secret.of("fuzz-secret".toCharArray()))
          .clock(CLOCK)
          .build();

  @FuzzTest
  void tokenResponse(byte[] data) {
    answer = data;
    try {
      TokenGrant grant = endpoint.clientCredentials();
      assertThat(grant.accessToken().expiresAt()).isAfterOrEqualTo(CLOCK.instant());
    } catch (TickGuardException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
