package org.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/** The embedded database's directory is the owner's alone before H2 ever opens it. */
class EmbeddedDatabaseDirectoryTests {

	@TempDir
	Path tmp;

	@Test
	void createsTheDirectoryOfAnH2FileUrlReadableByItsOwnerOnly() throws Exception {
		Path data = tmp.resolve("work").resolve("data");
		try (HikariDataSource ds = new HikariDataSource()) {
			ds.setJdbcUrl("jdbc:h2:file:" + data.resolve("tuanwu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
			new EmbeddedDatabaseDirectory().postProcessBeforeInitialization(ds, "dataSource");
		}
		assertThat(permissions(data)).isEqualTo("rwx------");
	}

	@Test
	void tightensAnExistingWorldReadableDirectory() throws Exception {
		Path data = Files.createDirectory(tmp.resolve("data"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		DataDirectory.createPrivate(data);
		assertThat(permissions(data)).isEqualTo("rwx------");
	}

	@Test
	void findsTheDirectoryOfFileUrlsOnly() {
		Path cwd = Path.of("").toAbsolutePath();
		assertThat(DataDirectory.ofJdbcUrl("jdbc:h2:file:./data/tuanwu;MODE=PostgreSQL")).contains(cwd.resolve("data"));
		assertThat(DataDirectory.ofJdbcUrl("jdbc:h2:./data/tuanwu")).contains(cwd.resolve("data"));
		assertThat(DataDirectory.ofJdbcUrl("jdbc:h2:file:/var/lib/tuanwu/db")).contains(Path.of("/var/lib/tuanwu"));
		assertThat(DataDirectory.ofJdbcUrl("jdbc:h2:mem:tuanwu;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(DataDirectory.ofJdbcUrl("jdbc:h2:tcp://localhost/~/tuanwu")).isEmpty();
		assertThat(DataDirectory.ofJdbcUrl("jdbc:postgresql://localhost/tuanwu")).isEmpty();
	}

	@Test
	void writesPrivateFilesReadableByTheirOwnerOnly() throws Exception {
		Path file = tmp.resolve("secret");
		DataDirectory.writePrivate(file, new byte[] { 1, 2 });
		DataDirectory.writePrivate(file, new byte[] { 3 });
		assertThat(Files.readAllBytes(file)).containsExactly(3);
		assertThat(permissions(file)).isEqualTo("rw-------");
	}

	static String permissions(Path p) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

}
