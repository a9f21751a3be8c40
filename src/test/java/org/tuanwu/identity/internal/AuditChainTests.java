package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;

/**
 * The audit log of the running application on H2 and PostgreSQL: it verifies, the
 * database refuses any change to it, and every commit moves the signed checkpoint. The
 * rewrites an attacker with a copy of the database would try are in
 * {@link AuditTamperingTests}.
 */
@DatabaseTest
class AuditChainTests {

	@Autowired
	JdbcAuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditCheckpoints checkpoints;

	final Actor actor = new Actor(9, "chain-tester", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "127.0.0.1");

	@Test
	void anUntouchedLogVerifiesAgainstItsCheckpoint() {
		log.record(actor, new AuditEntry("ORG_UPDATED", Optional.of(1L), "ORG", "X1", "修改组织",
				List.of(new Change("name", "旧名", "新名"))));
		log.recordAll(actor, List.of(AuditEntry.of("IMPORT", "a"), AuditEntry.of("IMPORT", "b")));
		var result = log.verify();
		assertThat(result.valid()).as(result.problem().map(org.tuanwu.shared.Text::zh).orElse("")).isTrue();
		assertThat(result.checkpoints()).isEqualTo(1);
		long rows = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		assertThat(result.checked()).isGreaterThanOrEqualTo(rows);
	}

	/**
	 * A batch is written by COPY on PostgreSQL (csv): quotes, commas, line breaks,
	 * backslashes and empty values must come back exactly, or the chain breaks.
	 */
	@Test
	void aBatchWithAwkwardTextVerifiesAndReadsBackExactly() {
		String summary = "导入 \"甲,乙\"\n第二行 \\N \\. 末尾,";
		long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
		log.recordAll(actor, List.of(new AuditEntry("ORG_CREATED", Optional.empty(), "ORG", "Q\"1,", summary,
				List.of(new Change("name", null, "\"新\",名"))), AuditEntry.of("IMPORT", "")));
		var rows = jdbc.sql("SELECT summary, target_id, org_id FROM audit_event WHERE id > :id ORDER BY id")
			.param("id", before)
			.query((rs, n) -> List.of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2)),
					String.valueOf(rs.getObject(3))))
			.list();
		assertThat(rows).containsExactly(List.of(summary, "Q\"1,", "null"), List.of("", "", "null"));
		var result = log.verify();
		assertThat(result.valid()).as(result.problem().map(org.tuanwu.shared.Text::zh).orElse("")).isTrue();
	}

	@Test
	void newRowsAreKeyedNotPlainSha256() {
		log.record(actor, AuditEntry.of("EXPORT", "导出 3 条"));
		var row = jdbc.sql("SELECT * FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
			.query()
			.singleRow();
		JdbcAuditLog.Row fields = new JdbcAuditLog.Row((Long) row.get("id"),
				jdbc.sql("SELECT at FROM audit_event WHERE id = ?")
					.param(row.get("id"))
					.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
					.single()
					.toInstant(),
				(String) row.get("username"), (String) row.get("action"), (Long) row.get("org_id"),
				(String) row.get("target_type"), (String) row.get("target_id"), (String) row.get("summary"),
				(String) row.get("changes"), (String) row.get("ip"));
		String previous = (String) row.get("prev_hash");
		assertThat(row.get("hash")).isEqualTo(fields.hmac(AuditKey.of(TEST_KEY), previous))
			.isNotEqualTo(fields.sha256(previous));
	}

	/** The key of application-test.yml. */
	static final String TEST_KEY = "tests-only-audit-key-never-used-in-production";

	@Test
	void theDatabaseRefusesToChangeOrEmptyTheLog() {
		log.record(actor, AuditEntry.of("EXPORT", "导出 10 条"));
		long id = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET summary = '导出 1 条' WHERE id = ?").param(id).update())
			.hasMessageContaining("审计日志只能追加");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
			.hasMessageContaining("审计日志只能追加");
		// PostgreSQL's trigger refuses TRUNCATE; H2 fires none, but refuses to truncate a
		// table that a foreign key references.
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE audit_event").update()).isNotNull();
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("导出 10 条");
		assertThat(log.verify().valid()).isTrue();
	}

	@Test
	void eachCommitMovesTheSignedCheckpointAndARollbackDoesNot() throws Exception {
		log.record(actor, AuditEntry.of("EXPORT", "检查点"));
		long committed = jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1").query(Long.class).single();
		Path file = checkpoints.dir()
			.orElseThrow()
			.resolve(AuditConfiguration.nodeId(new AuditSettings(null, null, null, null))
				.replaceAll("[^A-Za-z0-9._-]", "_") + AuditCheckpoints.SUFFIX);
		assertThat(Files.readString(file)).contains("lastId=" + committed);
		assertThat(checkpoints.readAll()).singleElement().satisfies(c -> {
			assertThat(c.signed()).isTrue();
			assertThat(c.lastId()).isGreaterThanOrEqualTo(committed);
		});
		long[] inside = { 0 };
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			log.record(actor, AuditEntry.of("EXPORT", "回滚"));
			inside[0] = jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1").query(Long.class).single();
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		assertThat(inside[0]).isGreaterThan(committed);
		assertThat(checkpoints.readAll()).singleElement().satisfies(c -> assertThat(c.lastId()).isLessThan(inside[0]));
		assertThat(log.verify().valid()).isTrue();
	}

	@Test
	void theDataVersionMovesWithRecordWritesOnly() {
		long before = log.dataVersion();
		log.record(actor, AuditEntry.of("LOGIN_SUCCESS", "登录成功"));
		log.record(actor, AuditEntry.of("EXPORT", "导出"));
		assertThat(log.dataVersion()).isEqualTo(before);
		log.recordAll(actor, List.of(AuditEntry.of("EXPORT", "导出"), AuditEntry.of("ORG_UPDATED", "修改组织")));
		assertThat(log.dataVersion()).isEqualTo(before + 1);
	}

	@Test
	void concurrentWritersKeepOneChain() throws Exception {
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			int n = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 10; i++) {
					tx.executeWithoutResult(s -> log.record(actor, AuditEntry.of("EXPORT", "并发 " + n)));
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(log.verify().valid()).isTrue();
	}

}
