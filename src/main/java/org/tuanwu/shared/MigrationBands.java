package org.tuanwu.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Before Flyway validates, renames the three migrations that version 0.1 numbered outside
 * their module's band (units 5.1, rule packs 5.90, data version 6.1), so that a database
 * created by 0.1 upgrades in place. Their contents, and so their checksums, are
 * unchanged.
 */
@Component
class MigrationBands implements Callback {

	static final Map<String, String> RENUMBERED = Map.of("5.1", "1.3", "5.90", "3.1", "6.1", "2.3");

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		String table = context.getConfiguration().getTable();
		try {
			try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
				if (!tables.next()) {
					return;
				}
			}
			// Quoted: Flyway creates the table and its columns under their exact
			// (lower-case) names, which unquoted names only find where the database
			// folds to lower case.
			String q = connection.getMetaData().getIdentifierQuoteString().strip();
			String version = q + "version" + q;
			try (PreparedStatement s = connection
				.prepareStatement("UPDATE " + q + table + q + " SET " + version + " = ? WHERE " + version + " = ?")) {
				for (Map.Entry<String, String> e : RENUMBERED.entrySet()) {
					s.setString(1, e.getValue());
					s.setString(2, e.getKey());
					s.executeUpdate();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("迁移版本号调整失败：" + ex.getMessage(), ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "migration-bands";
	}

}
