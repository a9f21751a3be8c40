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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.shared.Page;

/**
 * The audit log on its table. Each row's hash is SHA-256 over the previous hash and the
 * row's own fields, so that changing, removing or reordering a row breaks the chain from
 * that row on.
 */
@Repository
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate template;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.clock = clock;
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

	private void append(String username, String ip, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		// Locks the head row until the surrounding transaction ends: one writer at a time
		// extends the chain.
		record Head(long lastId, String lastHash) {
		}
		Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id = head.lastId();
		String previous = head.lastHash();
		List<Object[]> batch = new ArrayList<>(entries.size());
		for (AuditEntry entry : entries) {
			id++;
			Row row = new Row(id, at, truncate(username, 64), entry.action(), entry.orgId().orElse(null),
					truncate(entry.targetType(), 40), truncate(entry.targetId(), 64), truncate(entry.summary(), 1000),
					AuditChanges.toJson(entry.changes()), truncate(ip, 64));
			String hash = row.hash(previous);
			batch.add(new Object[] { id, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), row.username(), row.action(),
					row.orgId(), row.targetType(), row.targetId(), row.summary(), row.changes(), row.ip(), previous,
					hash });
			previous = hash;
		}
		template.batchUpdate("""
				INSERT INTO audit_event (id, at, username, action, org_id, target_type, target_id, summary, changes, ip,
				                         prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", batch,
				new int[] { java.sql.Types.BIGINT, java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR });
		boolean changesData = entries.stream().anyMatch(e -> !ACTIONS_WITHOUT_DATA_CHANGE.contains(e.action()));
		jdbc.sql(
				"UPDATE audit_head SET last_id = :id, last_hash = :hash, data_version = data_version + :bump WHERE id = 1")
			.param("id", id)
			.param("hash", previous)
			.param("bump", changesData ? 1 : 0)
			.update();
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
	 * Recomputes the chain from the first row; stops at the first row that does not
	 * match.
	 */
	Verification verify() {
		String[] prev = { "0".repeat(64) };
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
				boolean ok = id == expectedId[0] && prev[0].equals(rs.getString("prev_hash"))
						&& row.hash(prev[0]).equals(rs.getString("hash"));
				if (!ok) {
					broken[0] = id;
					return;
				}
				prev[0] = rs.getString("hash");
				expectedId[0] = id + 1;
				checked[0]++;
			});
		if (broken[0] == null) {
			String head = jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1").query(String.class).single();
			if (!head.equals(prev[0])) {
				// The newest rows were removed: the head still names the hash they ended
				// with.
				broken[0] = expectedId[0];
			}
		}
		return new Verification(broken[0] == null, checked[0], Optional.ofNullable(broken[0]));
	}

	record Row(long id, Instant at, String username, String action, Long orgId, String targetType, String targetId,
			String summary, String changes, String ip) {

		String hash(String previous) {
			String micros = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at));
			String text = String.join("\u001f", previous, Long.toString(id), micros, username, action,
					orgId == null ? "" : orgId.toString(), targetType, targetId, summary, changes, ip);
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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

	record Verification(boolean valid, long checked, Optional<Long> firstBrokenId) {
	}

}
