package org.tuanwu.scorecard.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploaded versions of rule packs (table {@code scorecard_rule_pack}). */
@Repository
class RulePackStore {

	private final JdbcClient jdbc;

	RulePackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredPack(String id, int version, String yaml, OffsetDateTime uploadedAt, String uploadedBy) {
	}

	List<StoredPack> all() {
		return jdbc
			.sql("SELECT id, version, yaml, uploaded_at, uploaded_by FROM scorecard_rule_pack ORDER BY id, version")
			.query((rs, n) -> new StoredPack(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	Optional<StoredPack> find(String id, int version) {
		return jdbc.sql(
				"SELECT id, version, yaml, uploaded_at, uploaded_by FROM scorecard_rule_pack WHERE id = ? AND version = ?")
			.params(id, version)
			.query((rs, n) -> new StoredPack(rs.getString(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.optional();
	}

	int lastVersion(String id) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM scorecard_rule_pack WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	void insert(RulePack pack) {
		jdbc.sql("""
				INSERT INTO scorecard_rule_pack (id, version, title, yaml, uploaded_at, uploaded_by)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(pack.id(), pack.version(), pack.title(), pack.yaml(), pack.uploadedAt().orElseThrow(),
					pack.uploadedBy().orElseThrow())
			.update();
	}

}
