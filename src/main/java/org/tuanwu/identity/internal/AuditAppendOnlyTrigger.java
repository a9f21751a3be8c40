package org.tuanwu.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * The embedded database's guard of the audit log (migration V2_11 of
 * {@code db/vendor/h2}): every UPDATE and DELETE of an {@code audit_event} row fails, as
 * PostgreSQL's trigger makes it fail. H2 instantiates it by name, hence public.
 */
public class AuditAppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("审计日志只能追加，不能修改或删除", "P0001");
	}

}
