package io.tickguard.core.token;

import io.tickguard.core.TickGuardException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;

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
 *
 * <p><b>One owner.</b> A refresh token can be spent once: two processes (or two stores in one
 * process) refreshing from one file would each spend it, and a provider that detects reuse revokes
 * the session. The store therefore holds an exclusive lock ({@code .<name>.lock} beside the file)
 * from construction until {@link #close()}; a second store on the same file is refused with {@link
 * TokenStoreInUseException}. Give each process its own store and OAuth client, or share one
 * {@link TokenManager} within a process.
 *
 * <p>Opening it deletes the owner-only temporary files a killed write left behind, and a token file
 * other users can read is refused with a message that says so and how to fix it.
 */
public final class FileTokenStore implements TokenStore, AutoCloseable {
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;

  /**
   * A store in {@code file}; its directory must exist.
   *
   * @throws TokenStoreInUseException when another store (in this or another process) has it open
   * @throws UncheckedIOException when the lock file cannot be created
   */
  public FileTokenStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    Path lockFile = this.file.resolveSibling("." + this.file.getFileName() + ".lock");
    FileChannel channel = null;
    FileLock held = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        held = channel.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        held = null;
      }
      if (held == null) {
        throw new TokenStoreInUseException(this.file);
      }
      removeLeftoverTemps();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot lock the token store " + lockFile, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
    this.lockChannel = channel;
    this.lock = held;
  }

  /** Temp files of a write killed between create and rename: owner-only, but they hold a token. */
  private void removeLeftoverTemps() throws IOException {
    String prefix = "." + file.getFileName() + ".";
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return; // a file at the root of the file system: nothing beside it to clean
    }
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> {
      String name = String.valueOf(p.getFileName());
      return name.startsWith(prefix) && name.endsWith(".tmp");
    })) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  /** Releases the lock: another store may open the file afterwards. */
  @Override
  public synchronized void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(lockChannel);
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
      // Wrong permissions, unreadable, empty: say what is wrong with the store, not the refresh.
      throw new TickGuardException("Token store " + file.getFileName() + " is unusable: " + e.getMessage(), e);
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
