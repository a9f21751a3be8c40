package org.tuanwu.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.PostgresCopy;
import org.tuanwu.shared.Text;

/**
 * The audit log on its table, as a keyed hash chain: each row's hash is HMAC-SHA256, with
 * the {@link AuditKey} that never enters the database, over the previous row's hash and
 * the row's own fields. Changing, removing or reordering a row breaks the chain from that
 * row on, and without the key no one can compute a chain that verifies again.
 * <p>
 * Rows written before the chain was keyed (ids below {@code audit_head.keyed_from}) keep
 * their SHA-256 hashes; the first keyed row covers the last of them, so they are sealed
 * too. The switch point itself is signed with the key ({@code keyed_from_mac}), so it
 * cannot be moved to turn keyed rows into rewritable SHA-256 ones. After each commit the
 * head is also written to a signed checkpoint outside the database
 * ({@link AuditCheckpoints}), which verification compares, so that a database cut short
 * or rolled back is found too.
 */
@Repository
class JdbcAuditLog implements AuditLog, SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(JdbcAuditLog.class);

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	private final AuditKey key;

	private final AuditCheckpoints checkpoints;

	private final TransactionTemplate tx;

	JdbcAuditLog(JdbcClient jdbc, JdbcTemplate template, Clock clock, AuditKey key, AuditCheckpoints checkpoints,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
		this.key = key;
		this.checkpoints = checkpoints;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public void afterSingletonsInstantiated() {
		seal();
	}

	/**
	 * Signs the switch point on the first start after the migration that recorded it
	 * (before any keyed row exists), and records the switch in the log itself when older
	 * SHA-256 rows precede it. Several nodes starting at once serialize on the head row;
	 * the first signs, the others find it signed.
	 */
	void seal() {
		tx.executeWithoutResult(status -> {
			Head head = lockedHead();
			if (head.keyedFromMac().isPresent()) {
				return;
			}
			if (head.lastId() >= head.keyedFrom()) {
				// Keyed rows exist but the switch point is unsigned: never sign what may
				// have
				// been tampered with; verification reports it.
				logger.error("The audit chain's switch point (id {}) is not signed although rows follow it",
						head.keyedFrom());
				return;
			}
			jdbc.sql("UPDATE audit_head SET keyed_from_mac = :mac WHERE id = 1")
				.param("mac", key.mac(switchText(head.keyedFrom())))
				.update();
			if (head.keyedFrom() > 1) {
				long legacy = head.keyedFrom() - 1;
				append("system", "", List.of(AuditEntry.of("AUDIT_CHAIN_KEYED", "审计日志自第 " + head.keyedFrom()
						+ " 条起以密钥（HMAC-SHA256）链接；此前 " + legacy + " 条为升级前的 SHA-256 链，由本条封存")));
				logger.warn("The audit chain is keyed from id {} on; the {} older rows stay SHA-256, sealed by it",
						head.keyedFrom(), legacy);
			}
		});
	}

	/** Where the checkpoints are looked for, for messages. */
	String checkpointDir() {
		return checkpoints.dir().map(d -> d.toAbsolutePath().toString()).orElse("未配置");
	}

	static String switchText(long keyedFrom) {
		return "tuanwu-audit-keyed-from\u001f" + keyedFrom;
	}

	@Override
	@Transactional
	public void record(Actor actor, AuditEntry entry) {
		append(actor.username(), actor.origin(), List.of(entry));
	}

	@Override
	public long dataVersion() {
		return jdbc.sql("SELECT data_version FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	@Override
	@Transactional
	public void recordAll(Actor actor, List<AuditEntry> entries) {
		append(actor.username(), actor.origin(), entries);
	}

	@Override
	@Transactional
	public void record(String username, Optional<String> ip, AuditEntry entry) {
		append(username, ip.orElse(""), List.of(entry));
	}

	private record Head(long lastId, String lastHash, long keyedFrom, Optional<String> keyedFromMac) {
	}

	/**
	 * Locks the head row until the surrounding transaction ends: one writer at a time
	 * extends the chain.
	 */
	private Head lockedHead() {
		return jdbc.sql("SELECT last_id, last_hash, keyed_from, keyed_from_mac FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Optional.ofNullable(rs.getString(4))))
			.single();
	}

	private void append(String username, String ip, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Head head = lockedHead();
		if (head.keyedFromMac().isEmpty() && head.lastId() < head.keyedFrom()) {
			// The first keyed row, written before the start-up seal (a bean that audits
			// while the context starts): the switch point is signed with it.
			jdbc.sql("UPDATE audit_head SET keyed_from_mac = :mac WHERE id = 1")
				.param("mac", key.mac(switchText(head.keyedFrom())))
				.update();
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id = head.lastId();
		String previous = head.lastHash();
		List<Object[]> batch = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			id++;
			Row row = new Row(id, at, truncate(username, 64), entry.action(), entry.orgId().orElse(null),
					truncate(entry.targetType(), 40), truncate(entry.targetId(), 64), truncate(entry.summary(), 1000),
					AuditChanges.toJson(entry.changes()), truncate(ip, 64));
			String hash = row.hmac(key, previous);
			batch.add(new Object[] { id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), row.username(), row.action(),
					row.orgId(), row.targetType(), row.targetId(), row.summary(), row.changes(), row.ip(), previous,
					hash });
			previous = hash;
		}
		// An import's thousands of rows go by COPY on PostgreSQL; one action's by INSERT.
		Optional<PostgresCopy> copy = batch.size() > 1 ? PostgresCopy.of(template) : Optional.empty();
		if (copy.isPresent()) {
			copy.get()
				.copy("audit_event", List.of("id", "at", "username", "action", "org_id", "target_type", "target_id",
						"summary", "changes", "ip", "prev_hash", "hash"), batch, values -> values);
		}
		else {
			insert(batch);
		}

		boolean changesData = entries.stream().anyMatch(e -> !ACTIONS_WITHOUT_DATA_CHANGE.contains(e.action()));
		jdbc.sql(
				"UPDATE audit_head SET last_id = :id, last_hash = :hash, data_version = data_version + :bump WHERE id = 1")
			.param("id", id)
			.param("hash", previous)
			.param("bump", changesData ? 1 : 0)
			.update();
		checkpointAfterCommit(id, previous, head.keyedFrom());
	}

	private void insert(List<Object[]> batch) {
		template.batchUpdate("""
				INSERT INTO audit_event (id, at, username, action, org_id, target_type, target_id, summary, changes, ip,
				                         prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", batch,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR });
	}

	/**
	 * The checkpoint names only a committed head: written after the commit (at once when
	 * no transaction is active), never for a transaction that rolls back.
	 */
	private void checkpointAfterCommit(long lastId, String lastHash, long keyedFrom) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			checkpoints.write(lastId, lastHash, keyedFrom, this::hashAt);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				checkpoints.write(lastId, lastHash, keyedFrom, JdbcAuditLog.this::hashAt);
			}
		});
	}

	private Optional<String> hashAt(long id) {
		return jdbc.sql("SELECT hash FROM audit_event WHERE id = ?").param(id).query(String.class).optional();
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	Page<AuditView> search(AuditQuery q, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		q.username().ifPresent(u -> {
			where.append(" AND username = ?");
			args.add(u);
		});
		q.action().ifPresent(a -> {
			where.append(" AND action = ?");
			args.add(a);
		});
		q.orgId().ifPresent(o -> {
			where.append(" AND org_id = ?");
			args.add(o);
		});
		q.from().ifPresent(f -> {
			where.append(" AND at >= ?");
			args.add(f);
		});
		q.to().ifPresent(t -> {
			where.append(" AND at < ?");
			args.add(t);
		});
		long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<AuditView> items = jdbc.sql(
				"SELECT id, at, username, action, org_id, target_type, target_id, summary, changes, ip FROM audit_event"
						+ where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(pageArgs)
			.query((rs, n) -> new AuditView(rs.getLong("id"),
					rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.ofHours(8)),
					rs.getString("username"), rs.getString("action"), (Long) rs.getObject("org_id", Long.class),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("summary"),
					AuditChanges.fromJson(rs.getString("changes")), rs.getString("ip"), Optional.empty()))
			.list();
		return new Page<>(items, total, page, size);
	}

	List<String> actions() {
		return jdbc.sql("SELECT DISTINCT action FROM audit_event ORDER BY action").query(String.class).list();
	}

	/**
	 * Recomputes the chain from the first row (SHA-256 before the switch point, HMAC from
	 * it on) and stops at the first row that does not match; then compares the head and
	 * every checkpoint with it. The checkpoints are read first and the head next, so that
	 * appends running meanwhile only make the chain longer than both.
	 */
	Verification verify() {
		List<AuditCheckpoints.Checkpoint> anchors = checkpoints.readAll();
		Head head = jdbc.sql("SELECT last_id, last_hash, keyed_from, keyed_from_mac FROM audit_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
					Optional.ofNullable(rs.getString(4))))
			.single();
		boolean switchSigned = head.keyedFromMac()
			.map(mac -> MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
					key.mac(switchText(head.keyedFrom())).getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
		// Unsigned is the state of a database just upgraded, before the first start signs
		// it; a signature that does not match is never legitimate.
		if (head.keyedFromMac().isPresent() ? !switchSigned : head.lastId() >= head.keyedFrom()) {
			return Verification.broken(0, head.keyedFrom(), anchors.size(), Text.of("密钥切换点（第 {0} 条）的签名无效：审计日志的元数据被改动",
					"The signature of the key switch (record {0}) is invalid: the audit log's metadata was changed",
					head.keyedFrom()));
		}
		Set<Long> wanted = new HashSet<>();
		wanted.add(head.lastId());
		anchors.forEach(a -> wanted.add(a.lastId()));
		Map<Long, String> hashes = new HashMap<>();
		hashes.put(0L, GENESIS);
		String[] prev = { GENESIS };
		long[] checked = { 0 };
		Long[] broken = { null };
		long[] expectedId = { 1 };
		jdbc.sql(
				"SELECT id, at, username, action, org_id, target_type, target_id, summary, changes, ip, prev_hash, hash"
						+ " FROM audit_event ORDER BY id")
			.query(rs -> {
				if (broken[0] != null) {
					return;
				}
				long id = rs.getLong("id");
				Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
				Row row = new Row(id, at, rs.getString("username"), rs.getString("action"),
						(Long) rs.getObject("org_id", Long.class), rs.getString("target_type"),
						rs.getString("target_id"), rs.getString("summary"), rs.getString("changes"),
						rs.getString("ip"));
				String expected = id < head.keyedFrom() ? row.sha256(prev[0]) : row.hmac(key, prev[0]);
				boolean ok = id == expectedId[0] && prev[0].equals(rs.getString("prev_hash"))
						&& expected.equals(rs.getString("hash"));
				if (!ok) {
					broken[0] = expectedId[0] < id ? expectedId[0] : id;
					return;
				}
				prev[0] = expected;
				if (wanted.contains(id)) {
					hashes.put(id, expected);
				}
				expectedId[0] = id + 1;
				checked[0]++;
			});
		long last = expectedId[0] - 1;
		if (broken[0] != null) {
			return Verification.broken(checked[0], broken[0], anchors.size(), Text.of("自第 {0} 条记录起哈希链不一致（此前 {1} 条完整）",
					"The hash chain breaks at record {0} (the {1} before it are intact)", broken[0], checked[0]));
		}
		if (last < head.lastId() || !head.lastHash().equals(hashes.get(head.lastId()))) {
			// The newest rows were removed: the head still names the hash they ended
			// with.
			return Verification.broken(checked[0], last + 1, anchors.size(),
					Text.of("审计日志应有 {0} 条记录，只找到 {1} 条：最新的记录被删除",
							"The audit log should hold {0} records but holds {1}: the newest were deleted",
							head.lastId(), last));
		}
		for (AuditCheckpoints.Checkpoint anchor : anchors) {
			String name = anchor.file().getFileName().toString();
			if (!anchor.signed()) {
				return Verification.broken(checked[0], null, anchors.size(), Text.of(
						"检查点 {0} 的签名无效：检查点被改动或伪造，或密钥不是写下它的密钥",
						"The signature of checkpoint {0} is invalid: it was changed or forged, or the key is not the one that wrote it",
						name));
			}
			if (anchor.keyedFrom() != head.keyedFrom()) {
				return Verification.broken(checked[0], Math.min(anchor.keyedFrom(), head.keyedFrom()), anchors.size(),
						Text.of("检查点 {0} 记录的密钥切换点（第 {1} 条）与数据库（第 {2} 条）不同",
								"Checkpoint {0} records the key switch at record {1}, the database at record {2}", name,
								anchor.keyedFrom(), head.keyedFrom()));
			}
			if (anchor.lastId() > last) {
				return Verification.broken(checked[0], last + 1, anchors.size(), Text.of(
						"检查点 {0} 记录到第 {1} 条，数据库中的审计日志只有 {2} 条：记录被删除或数据库被回退",
						"Checkpoint {0} records up to record {1}, the database holds {2}: records were deleted or the database was rolled back",
						name, anchor.lastId(), last));
			}
			if (!anchor.lastHash().equals(hashes.get(anchor.lastId()))) {
				return Verification.broken(checked[0], anchor.lastId(), anchors.size(),
						Text.of("第 {0} 条记录的哈希与检查点 {1} 不同：审计日志被改写",
								"The hash of record {0} differs from checkpoint {1}: the audit log was rewritten",
								anchor.lastId(), name));
			}
		}
		return new Verification(true, checked[0], Optional.empty(), anchors.size(), Optional.empty());
	}

	record Row(long id, Instant at, String username, String action, Long orgId, String targetType, String targetId,
			String summary, String changes, String ip) {

		/** The fields the hash covers, after the previous row's hash. */
		String text(String previous) {
			String micros = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at));
			return String.join("\u001f", previous, Long.toString(id), micros, username, action,
					orgId == null ? "" : orgId.toString(), targetType, targetId, summary, changes, ip);
		}

		/** The keyed hash of every row written since the chain was keyed. */
		String hmac(AuditKey key, String previous) {
			return key.mac(text(previous));
		}

		/** The unkeyed hash of rows written before the chain was keyed. */
		String sha256(String previous) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256")
						.digest(text(previous).getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	record AuditQuery(Optional<String> username, Optional<String> action, Optional<Long> orgId,
			Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {
	}

	record AuditView(long id, OffsetDateTime at, String username, String action, Long orgId, String targetType,
			String targetId, String summary, List<Change> changes, String ip, Optional<OrgView> org) {

		AuditView withOrg(Optional<OrgView> org) {
			return new AuditView(id, at, username, action, orgId, targetType, targetId, summary, changes, ip, org);
		}

	}

	/** The org an event concerns, as the audit page shows it. */
	record OrgView(long id, String code, String name) {
	}

	/**
	 * The outcome of a verification: {@code checked} rows verified in a row from the
	 * first; {@code firstBrokenId} the first row that does not hold (empty when the chain
	 * holds, or when only a checkpoint is bad); {@code checkpoints} the checkpoint files
	 * compared; {@code problem} what is wrong, in both languages.
	 */
	record Verification(boolean valid, long checked, Optional<Long> firstBrokenId, int checkpoints,
			Optional<Text> problem) {

		static Verification broken(long checked, @Nullable Long firstBrokenId, int checkpoints, Text problem) {
			return new Verification(false, checked, Optional.ofNullable(firstBrokenId), checkpoints,
					Optional.of(problem));
		}

	}

}
