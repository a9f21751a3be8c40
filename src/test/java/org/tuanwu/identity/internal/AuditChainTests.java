package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

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
 * The audit log is a hash chain: verification passes on an untouched log and finds the
 * first row that was changed. The tampering tests restore the row afterwards, so the
 * shared log stays valid for other tests.
 */
@DatabaseTest
class AuditChainTests {

	@Autowired
	JdbcAuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	VerifyAuditCommand command;

	final Actor actor = new Actor(9, "chain-tester", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "127.0.0.1");

	boolean postgres() throws Exception {
		try (var c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	@Test
	void anUntouchedLogVerifies() {
		log.record(actor, new AuditEntry("ORG_UPDATED", Optional.of(1L), "ORG", "X1", "修改组织",
				List.of(new Change("name", "旧名", "新名"))));
		log.recordAll(actor, List.of(AuditEntry.of("IMPORT", "a"), AuditEntry.of("IMPORT", "b")));
		var result = log.verify();
		assertThat(result.valid()).isTrue();
		long rows = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		assertThat(result.checked()).isEqualTo(rows);
	}

	@Test
	void findsTheFirstChangedRowAndTheCommandFails() throws Exception {
		log.record(actor, AuditEntry.of("EXPORT", "导出 10 条"));
		long id = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();
		if (postgres()) {
			// On PostgreSQL the database itself refuses any change to the log.
			assertThatThrownBy(
					() -> jdbc.sql("UPDATE audit_event SET summary = '导出 1 条' WHERE id = ?").param(id).update())
				.hasMessageContaining("审计日志只能追加");
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
				.hasMessageContaining("审计日志只能追加");
			return;
		}
		jdbc.sql("UPDATE audit_event SET summary = '导出 1 条' WHERE id = ?").param(id).update();
		try {
			var result = log.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstBrokenId()).contains(id);
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			int status = command.run(List.of(), new PrintStream(new ByteArrayOutputStream()),
					new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(status).isEqualTo(1);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("第 " + id + " 条");
		}
		finally {
			jdbc.sql("UPDATE audit_event SET summary = '导出 10 条' WHERE id = ?").param(id).update();
		}
		assertThat(log.verify().valid()).isTrue();
	}

	@Test
	void findsADeletedNewestRow() throws Exception {
		if (postgres()) {
			return; // deletion is refused by the database (see above)
		}
		log.record(actor, AuditEntry.of("EXPORT", "最后一条"));
		long id = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();
		var row = jdbc.sql("SELECT * FROM audit_event WHERE id = ?").param(id).query().singleRow();
		jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update();
		try {
			assertThat(log.verify().valid()).isFalse();
		}
		finally {
			jdbc.sql(
					"""
							INSERT INTO audit_event (id, at, username, action, org_id, target_type, target_id, summary, changes, ip,
							                         prev_hash, hash)
							VALUES (:id, :at, :username, :action, :org_id, :target_type, :target_id, :summary, :changes, :ip,
							        :prev_hash, :hash)
							""")
				.params(row)
				.update();
		}
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
