package org.tuanwu.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The directory of the embedded database and the files kept beside it (the audit key, the
 * audit checkpoints). It holds the whole database, so it is readable by its owner only:
 * created {@code 0700}, and tightened to that if it was group- or world-readable (unless
 * it is the home directory or the root).
 */
public final class DataDirectory {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private DataDirectory() {
	}

	/**
	 * The directory of an H2 file database ({@code jdbc:h2:file:./data/tuanwu},
	 * {@code jdbc:h2:./data/tuanwu}, {@code jdbc:h2:~/tuanwu}); empty for any other URL
	 * (in-memory H2, a server, PostgreSQL).
	 */
	public static Optional<Path> ofJdbcUrl(String url) {
		if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String rest = url.substring("jdbc:h2:".length());
		int options = rest.indexOf(';');
		if (options >= 0) {
			rest = rest.substring(0, options);
		}
		String lower = rest.toLowerCase(Locale.ROOT);
		if (lower.startsWith("file:")) {
			rest = rest.substring("file:".length());
		}
		else if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
				|| lower.startsWith("zip:") || lower.startsWith("split:") || lower.startsWith("nio")
				|| lower.startsWith("async:") || lower.startsWith("memfs:") || lower.startsWith("memlzf:")) {
			return Optional.empty();
		}
		if (rest.isBlank()) {
			return Optional.empty();
		}
		if (rest.startsWith("~")) {
			rest = System.getProperty("user.home") + rest.substring(1);
		}
		Path parent = Path.of(rest).toAbsolutePath().normalize().getParent();
		return Optional.ofNullable(parent);
	}

	/**
	 * Creates the directory (and its missing parents) readable by its owner only; an
	 * existing one is tightened to {@code 0700}. Where the file system has no POSIX
	 * permissions the directory is created as it is.
	 */
	public static Path createPrivate(Path dir) {
		try {
			if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				return Files.createDirectories(dir);
			}
			if (!Files.isDirectory(dir)) {
				Path parent = dir.toAbsolutePath().getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY) && !shared(dir)) {
				Files.setPosixFilePermissions(dir, OWNER_ONLY);
			}
			return dir;
		}
		catch (java.nio.file.FileAlreadyExistsException e) {
			return createPrivate(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法创建数据目录 " + dir + "：" + e.getMessage(), e);
		}
	}

	/**
	 * A directory that others rely on (the home directory, the root): never tightened, as
	 * a database under {@code ~/} would otherwise close the whole home.
	 */
	private static boolean shared(Path dir) {
		Path absolute = dir.toAbsolutePath().normalize();
		return absolute.getParent() == null
				|| absolute.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
	}

	/**
	 * Writes a file readable by its owner only ({@code 0600}), atomically: readers see
	 * the old or the new content, never a part.
	 */
	public static void writePrivate(Path file, byte[] content) {
		try {
			Path dir = file.toAbsolutePath().getParent();
			boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
			Path temp = posix
					? Files.createTempFile(dir, ".tmp-", ".part",
							PosixFilePermissions.asFileAttribute(
									EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
					: Files.createTempFile(dir, ".tmp-", ".part");
			try {
				Files.write(temp, content);
				Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入文件 " + file + "：" + e.getMessage(), e);
		}
	}

}
