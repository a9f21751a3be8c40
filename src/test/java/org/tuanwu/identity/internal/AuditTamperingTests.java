package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tuanwu.identity.AuditLog.AuditEntry;

/**
 * What an attacker holding a copy of the embedded database's file can do to the audit log
 * with plain JDBC, and how each attempt is found. The attacker drops the trigger first:
 * with the file in hand, the database's own guards are theirs to remove. What they do not
 * have is the audit key (outside the database) and the checkpoint file's signature.
 */
class AuditTamperingTests {

	static final String KEY = "the-real-audit-key-of-this-test-0123456789";

	@TempDir
	Path tmp;

	Path original;

	Path checkpointDir;

	@BeforeEach
	void aLogOfTenRows() {
		original = tmp.resolve("data");
		checkpointDir = tmp.resolve("data").resolve("audit-checkpoints");
		migrate(url(original), null);
		JdbcAuditLog log = log(original, KEY);
		log.seal();
		for (int i = 1; i <= 10; i++) {
			write(original, log, AuditEntry.of("EXPORT", "导出 " + i + " 条"));
		}
		assertThat(log.verify().valid()).isTrue();
	}

	@Test
	void theDatabaseRefusesUpdateDeleteAndTruncateOfTheLog() throws Exception {
		try (Connection c = connect(original); Statement s = c.createStatement()) {
			assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET summary = 'x' WHERE id = 3"))
				.hasMessageContaining("审计日志只能追加");
			assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event WHERE id = 10"))
				.hasMessageContaining("审计日志只能追加");
			assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE audit_event")).isInstanceOf(SQLException.class);
			assertThat(count(s)).isEqualTo(10);
		}
	}

	@Test
	void anEditedRowWithTheLaterSha256HashesRecomputedIsFound() throws Exception {
		Path copy = copyOf(original);
		rewriteFrom(copy, 4, (row, previous) -> row.sha256(previous));
		JdbcAuditLog log = log(copy, KEY);
		var result = log.verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenId()).contains(4L);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = new VerifyAuditCommand(log).run(List.of(), new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("审计日志被篡改").contains("第 4 条");
	}

	@Test
	void anEditedRowWithHashesRecomputedUnderAnotherKeyIsFound() throws Exception {
		Path copy = copyOf(original);
		AuditKey guessed = AuditKey.of("a-key-the-attacker-made-up-0123456789abcdef");
		rewriteFrom(copy, 7, (row, previous) -> row.hmac(guessed, previous));
		var result = log(copy, KEY).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenId()).contains(7L);
	}

	@Test
	void deletingTheNewestRowsIsFoundThroughTheCheckpoint() throws Exception {
		Path copy = copyOf(original);
		try (Connection c = connect(copy); Statement s = c.createStatement()) {
			s.execute("DROP TRIGGER audit_event_no_change");
			s.executeUpdate("DELETE FROM audit_event WHERE id > 7");
			// The head is made to agree, so that the database alone looks whole.
			s.executeUpdate(
					"UPDATE audit_head SET last_id = 7, last_hash = (SELECT hash FROM audit_event WHERE id = 7)");
		}
		var withoutCheckpoint = log(copy, KEY, Optional.empty()).verify();
		assertThat(withoutCheckpoint.valid()).as("the database alone cannot tell").isTrue();
		var result = log(copy, KEY).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenId()).contains(8L);
		assertThat(result.problem().orElseThrow().zh()).contains("记录到第 10 条").contains("只有 7 条");
	}

	@Test
	void aChainRewrittenAsLegacySha256BehindAMovedSwitchPointIsFound() throws Exception {
		Path copy = copyOf(original);
		rewriteFrom(copy, 1, (row, previous) -> row.sha256(previous));
		try (Connection c = connect(copy); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE audit_head SET keyed_from = 11");
		}
		var result = log(copy, KEY, Optional.empty()).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.problem().orElseThrow().zh()).contains("切换点");
	}

	@Test
	void anUnsignedSwitchPointSignedAgainOnTheNextStartIsFoundThroughTheCheckpoint() throws Exception {
		Path copy = copyOf(original);
		rewriteFrom(copy, 1, (row, previous) -> row.sha256(previous));
		try (Connection c = connect(copy); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE audit_head SET keyed_from = 11, keyed_from_mac = NULL");
		}
		JdbcAuditLog log = log(copy, KEY);
		// The next start cannot tell this from a database just upgraded, and signs it.
		log.seal();
		assertThat(log(copy, KEY, Optional.empty()).verify().valid()).as("the database alone cannot tell").isTrue();
		var result = log.verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.problem().orElseThrow().zh()).contains("切换点");
	}

	@Test
	void aCheckpointWithABadSignatureIsReported() throws Exception {
		Path file;
		try (var files = Files.list(checkpointDir)) {
			file = files.filter(f -> f.toString().endsWith(AuditCheckpoints.SUFFIX)).findFirst().orElseThrow();
		}
		Files.writeString(file, Files.readString(file).replace("lastId=10", "lastId=5"));
		var result = log(original, KEY).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.problem().orElseThrow().zh()).contains("签名无效");
	}

	@Test
	void aCheckpointNamingAnotherHashAtItsIdIsFound() throws Exception {
		// A second chain of ten rows written under the same key: its checkpoint is
		// validly
		// signed but names other hashes, as a database swapped for another would show.
		Path other = tmp.resolve("other");
		migrate(url(other), null);
		JdbcAuditLog otherLog = log(other, KEY, Optional.of(tmp.resolve("other-checkpoints")));
		otherLog.seal();
		for (int i = 1; i <= 10; i++) {
			write(other, otherLog, AuditEntry.of("LOGIN_SUCCESS", "登录 " + i));
		}
		var result = log(other, KEY, Optional.of(checkpointDir)).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenId()).contains(10L);
		assertThat(result.problem().orElseThrow().zh()).contains("被改写");
	}

	@Test
	void anUpgradedSha256LogIsSealedByTheFirstKeyedRow() throws Exception {
		Path old = tmp.resolve("old");
		migrate(url(old), "2.3");
		// Three rows as version 0.1 wrote them: plain SHA-256.
		String previous = JdbcAuditLog.GENESIS;
		try (Connection c = connect(old)) {
			for (long id = 1; id <= 3; id++) {
				Instant at = Instant.parse("2025-01-0" + id + "T08:00:00Z");
				var row = new JdbcAuditLog.Row(id, at, "admin", "ORG_CREATED", null, "ORG", "X" + id, "新建 " + id, "[]",
						"10.0.0.1");
				String hash = row.sha256(previous);
				try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (id, at, username, action, "
						+ "org_id, target_type, target_id, summary, changes, ip, prev_hash, hash) "
						+ "VALUES (?, ?, 'admin', 'ORG_CREATED', NULL, 'ORG', ?, ?, '[]', '10.0.0.1', ?, ?)")) {
					p.setLong(1, id);
					p.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
					p.setString(3, "X" + id);
					p.setString(4, "新建 " + id);
					p.setString(5, previous);
					p.setString(6, hash);
					p.executeUpdate();
				}
				previous = hash;
			}
			try (PreparedStatement p = c.prepareStatement("UPDATE audit_head SET last_id = 3, last_hash = ?")) {
				p.setString(1, previous);
				p.executeUpdate();
			}
		}
		migrate(url(old), null);
		Optional<Path> oldCheckpoints = Optional.of(tmp.resolve("old-checkpoints"));
		JdbcAuditLog log = log(old, KEY, oldCheckpoints);
		log.seal();
		write(old, log, AuditEntry.of("EXPORT", "升级后"));
		var upgraded = log.verify();
		assertThat(upgraded.valid()).as(upgraded.problem().map(org.tuanwu.shared.Text::zh).orElse("")).isTrue();
		assertThat(upgraded.checked()).isEqualTo(5);
		try (Connection c = connect(old);
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT action FROM audit_event WHERE id = 4")) {
			r.next();
			assertThat(r.getString(1)).isEqualTo("AUDIT_CHAIN_KEYED");
		}
		// The old rows can still be recomputed by anyone, but the first keyed row covers
		// the
		// last of them.
		Path copy = copyOf(old);
		rewriteLegacy(copy, 2, 3);
		var result = log(copy, KEY, oldCheckpoints).verify();
		assertThat(result.valid()).isFalse();
		assertThat(result.firstBrokenId()).contains(4L);
	}

	@Test
	void aRowWrittenBeforeTheStartUpSealSignsTheSwitchPointItself() {
		Path fresh = tmp.resolve("fresh-db");
		migrate(url(fresh), null);
		JdbcAuditLog log = log(fresh, KEY, Optional.of(tmp.resolve("fresh-checkpoints")));
		write(fresh, log, AuditEntry.of("USER_CREATED", "新建用户"));
		log.seal();
		var result = log.verify();
		assertThat(result.valid()).as(result.problem().map(org.tuanwu.shared.Text::zh).orElse("")).isTrue();
		assertThat(result.checked()).isEqualTo(1);
	}

	@Test
	void theKeyFileIsGeneratedOnceReadableByItsOwnerOnly() throws Exception {
		Path data = tmp.resolve("fresh").resolve("data");
		String url = "jdbc:h2:file:" + data.resolve("tuanwu") + ";MODE=PostgreSQL";
		AuditSettings none = new AuditSettings(null, null, null, null);
		AuditKey first = AuditKey.resolve(none, url);
		Path file = data.resolve("secrets").resolve("audit.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(AuditKey.resolve(none, url).mac("x")).isEqualTo(first.mac("x"));
		assertThatThrownBy(() -> AuditKey.resolve(none, "jdbc:postgresql://db/tuanwu"))
			.hasMessageContaining("tuanwu.audit.key");
	}

	// --- the attacker's tools: plain JDBC on a copy of the file ---

	/**
	 * Changes the summary of row {@code from} and recomputes the hash of it and of every
	 * later row with {@code hash}, and the head, as someone who knows the algorithm
	 * would.
	 */
	void rewriteFrom(Path db, long from, BiFunction<JdbcAuditLog.Row, String, String> hash) throws SQLException {
		try (Connection c = connect(db); Statement s = c.createStatement()) {
			s.execute("DROP TRIGGER audit_event_no_change");
			s.executeUpdate("UPDATE audit_event SET summary = '导出 0 条' WHERE id = " + from);
			String previous;
			try (ResultSet r = s.executeQuery("SELECT hash FROM audit_event WHERE id = " + (from - 1))) {
				previous = r.next() ? r.getString(1) : JdbcAuditLog.GENESIS;
			}
			for (JdbcAuditLog.Row row : rows(c, from)) {
				String h = hash.apply(row, previous);
				try (PreparedStatement p = c
					.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")) {
					p.setString(1, previous);
					p.setString(2, h);
					p.setLong(3, row.id());
					p.executeUpdate();
				}
				previous = h;
			}
			try (PreparedStatement p = c.prepareStatement("UPDATE audit_head SET last_hash = ?")) {
				p.setString(1, previous);
				p.executeUpdate();
			}
		}
	}

	/** Edits legacy row {@code from} and recomputes the SHA-256 rows up to {@code to}. */
	void rewriteLegacy(Path db, long from, long to) throws SQLException {
		try (Connection c = connect(db); Statement s = c.createStatement()) {
			s.execute("DROP TRIGGER audit_event_no_change");
			s.executeUpdate("UPDATE audit_event SET summary = '改过' WHERE id = " + from);
			String previous;
			try (ResultSet r = s.executeQuery("SELECT hash FROM audit_event WHERE id = " + (from - 1))) {
				r.next();
				previous = r.getString(1);
			}
			for (JdbcAuditLog.Row row : rows(c, from)) {
				if (row.id() > to) {
					break;
				}
				String h = row.sha256(previous);
				s.executeUpdate("UPDATE audit_event SET prev_hash = '" + previous + "', hash = '" + h + "' WHERE id = "
						+ row.id());
				previous = h;
			}
		}
	}

	static List<JdbcAuditLog.Row> rows(Connection c, long from) throws SQLException {
		List<JdbcAuditLog.Row> rows = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet r = s.executeQuery(
						"SELECT id, at, username, action, org_id, target_type, target_id, summary, changes, ip FROM audit_event "
								+ "WHERE id >= " + from + " ORDER BY id")) {
			while (r.next()) {
				rows.add(new JdbcAuditLog.Row(r.getLong(1), r.getObject(2, OffsetDateTime.class).toInstant(),
						r.getString(3), r.getString(4), (Long) r.getObject(5, Long.class), r.getString(6),
						r.getString(7), r.getString(8), r.getString(9), r.getString(10)));
			}
		}
		return rows;
	}

	static long count(Statement s) throws SQLException {
		try (ResultSet r = s.executeQuery("SELECT count(*) FROM audit_event")) {
			r.next();
			return r.getLong(1);
		}
	}

	// --- the application's side ---

	static String url(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("tuanwu")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
	}

	static Connection connect(Path dir) throws SQLException {
		return DriverManager.getConnection(url(dir), "tuanwu", "");
	}

	static void migrate(String url, String target) {
		var config = Flyway.configure()
			.dataSource(url, "tuanwu", "")
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.outOfOrder(true);
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}

	JdbcAuditLog log(Path db, String key) {
		return log(db, key, Optional.of(checkpointDir));
	}

	static JdbcAuditLog log(Path db, String key, Optional<Path> checkpoints) {
		DriverManagerDataSource ds = new DriverManagerDataSource(url(db), "tuanwu", "");
		AuditKey auditKey = AuditKey.of(key);
		return new JdbcAuditLog(JdbcClient.create(ds), new JdbcTemplate(ds), Clock.systemUTC(), auditKey,
				new AuditCheckpoints(checkpoints, "node-a", auditKey, Clock.systemUTC()),
				new DataSourceTransactionManager(ds));
	}

	static void write(Path db, JdbcAuditLog log, AuditEntry entry) {
		DriverManagerDataSource ds = new DriverManagerDataSource(url(db), "tuanwu", "");
		new TransactionTemplate(new DataSourceTransactionManager(ds))
			.executeWithoutResult(s -> log.record("tester", Optional.of("127.0.0.1"), entry));
	}

	/** A copy of the database file, as taken from a backup or a stolen disk. */
	Path copyOf(Path db) throws Exception {
		Path copy = Files.createTempDirectory(tmp, "copy");
		Files.copy(db.resolve("tuanwu.mv.db"), copy.resolve("tuanwu.mv.db"));
		return copy;
	}

}
