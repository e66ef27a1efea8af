package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TokenStore} in one file, readable and writable by its owner only ({@code rw-------}).
 *
 * <p>Writes are atomic: the token goes to a temporary file in the same directory (created with
 * owner-only permissions, so it is never readable by others, not even briefly), is forced to disk,
 * then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. A reader or a crash sees
 * the old token or the new one, never half of one. On file systems without POSIX permissions the
 * file is created with the platform's defaults.
 */
public final class FileTokenStore implements TokenStore {
  private final Path file;

  /** A store in {@code file}; its directory must exist. */
  public FileTokenStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  @Override
  public synchronized Optional<Secret> refreshToken() {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      return Optional.of(Secret.fromFile(file));
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public synchronized void save(Secret refreshToken) {
    Path dir = file.getParent();
    Path temp = null;
    byte[] bytes = refreshToken.bytes();
    try {
      temp = createOwnerOnly(dir);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("The file system cannot rename atomically; choose another directory", e);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the refresh token to " + file, e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temp file holds the same owner-only secret
        }
      }
    }
  }

  @Override
  public synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }

  private Path createOwnerOnly(Path dir) throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    while (true) {
      try {
        return Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", attributes);
      } catch (FileAlreadyExistsException retry) {
        // vanishingly rare name clash: try another name
      }
    }
  }

  @Override
  public String toString() {
    return "FileTokenStore{" + file.getFileName() + "}";
  }
}
