package org.tuanwu.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
		try (Statement s = connection.createStatement()) {
			if (!connection.getMetaData().getTables(null, null, table, null).next()) {
				return;
			}
			for (Map.Entry<String, String> e : RENUMBERED.entrySet()) {
				s.executeUpdate("UPDATE " + table + " SET version = '" + e.getValue() + "' WHERE version = '"
						+ e.getKey() + "'");
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
