package org.tuanwu.scorecard.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.OrgTreeSource;

/**
 * The org tree read from the {@code org} table, for the scorecard's integration tests until the organization
 * module's {@link OrgTreeSource} lands; marked {@link Fallback} so that the real one wins once it is there (then
 * this class can go).
 */
@TestConfiguration(proxyBeanMethods = false)
class OrgTreeStandIn {

	@Bean
	@Fallback
	OrgTreeSource orgTreeStandIn(JdbcClient jdbc) {
		return new OrgTreeSource() {

			static final String COLUMNS = "SELECT id, parent_id, code, name, kind, path, dissolved_on FROM org ";

			@Override
			public Optional<TreeOrg> findByCode(String code) {
				return jdbc.sql(COLUMNS + "WHERE code = ?").param(code).query((rs, n) -> row(rs)).optional();
			}

			@Override
			public void forEachInSubtree(Scope subtree, Consumer<TreeOrg> sink) {
				jdbc.sql(COLUMNS + "WHERE path >= ? AND path < ? ORDER BY depth, id")
					.params(subtree.lower(), subtree.upper())
					.query((rs, n) -> row(rs))
					.list()
					.forEach(sink);
			}

			private TreeOrg row(java.sql.ResultSet rs) throws java.sql.SQLException {
				long parent = rs.getLong(2);
				Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
				return new TreeOrg(rs.getLong(1), parentId, rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), Optional.ofNullable(rs.getObject(7, LocalDate.class)));
			}

		};
	}

}
