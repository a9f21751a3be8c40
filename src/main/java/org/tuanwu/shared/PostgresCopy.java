package org.tuanwu.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk inserts on PostgreSQL through {@code COPY … FROM STDIN (FORMAT csv)} on the
 * caller's transaction: a province import writes 300 000 orgs, and a batch of multi-row
 * INSERTs spends as long in the driver and the parser as the server spends storing the
 * rows and their indexes. Callers keep their batched INSERT for H2.
 */
public final class PostgresCopy {

	private final JdbcTemplate template;

	private PostgresCopy(JdbcTemplate template) {
		this.template = template;
	}

	/** The copier of this template's database; empty on another database (H2). */
	public static Optional<PostgresCopy> of(JdbcTemplate template) {
		DataSource ds = template.getDataSource();
		if (ds == null) {
			return Optional.empty();
		}
		Connection c = DataSourceUtils.getConnection(ds);
		try {
			return c.isWrapperFor(PGConnection.class) ? Optional.of(new PostgresCopy(template)) : Optional.empty();
		}
		catch (SQLException ex) {
			return Optional.empty();
		}
		finally {
			DataSourceUtils.releaseConnection(c, ds);
		}
	}

	/**
	 * Copies the rows into the table; each row gives the values of {@code columns} in
	 * order (null, String, Number, Boolean, LocalDate or OffsetDateTime).
	 */
	public <T> void copy(String table, List<String> columns, List<T> rows, Function<T, Object[]> values) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 160);
		for (T row : rows) {
			Object[] v = values.apply(row);
			for (int i = 0; i < v.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				field(csv, v[i]);
			}
			csv.append('\n');
		}
		String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
		template.execute((Connection c) -> {
			try {
				return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.StringReader(csv.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** An unquoted empty field is NULL; every value is quoted, its quotes doubled. */
	private static void field(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		// LocalDate and OffsetDateTime print as ISO 8601, which PostgreSQL reads.
		String text = value.toString();
		csv.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

}
