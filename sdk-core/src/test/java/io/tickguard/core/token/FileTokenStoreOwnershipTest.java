package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One refresh token, one owner: the file store refuses sharing, cleans up, and says what is wrong. */
class FileTokenStoreOwnershipTest {

  static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSecondStoreOnTheSameFileIsRefusedUntilTheFirstIsClosed(@TempDir Path dir) {
    Path file = dir.resolve("refresh.token");
    FileTokenStore first = new FileTokenStore(file);
    first.save(secret("rt-1"));
    assertThatThrownBy(() -> new FileTokenStore(file))
        .isInstanceOf(TokenStoreInUseException.class)
        .hasMessageContaining("already open").hasMessageNotContaining("rt-1");
    first.close();
    try (FileTokenStore second = new FileTokenStore(file)) {
      assertThat(second.refreshToken().map(s -> new String(s.chars()))).contains("rt-1");
    }
  }

  @Test
  void tempFilesOfAKilledWriteAreRemovedOnTheNextOpen(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("refresh.token");
    Path leftover = Files.createFile(dir.resolve(".refresh.token.123456.tmp"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(leftover, "rt-half-written");
    Path unrelated = Files.writeString(dir.resolve("other.tmp"), "keep");
    try (FileTokenStore store = new FileTokenStore(file)) {
      assertThat(leftover).doesNotExist();
      assertThat(unrelated).exists();
      assertThat(store.refreshToken()).isEmpty();
    }
  }

  @Test
  void aTokenFileOthersCanReadIsRefusedSayingWhatIsWrongAndHowToFixIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("refresh.token");
    Files.writeString(file, "rt-1");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileTokenStore store = new FileTokenStore(file)) {
      assertThatThrownBy(store::refreshToken)
          .isInstanceOf(TickGuardException.class)
          .hasMessageContaining("group or others").hasMessageContaining("chmod 600")
          .hasMessageNotContaining("rt-1");
    }
  }
}
