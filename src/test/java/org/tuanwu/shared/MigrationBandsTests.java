package org.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.OperationResult;
import org.junit.jupiter.api.Test;

/**
 * A database created by version 0.1 keeps its history: the three migrations it numbered
 * outside their module's band get their band's number before Flyway validates, whatever
 * the database's case folding.
 */
class MigrationBandsTests {

	static final AtomicInteger SEQ = new AtomicInteger();

	/** A private in-memory database; {@code settings} as in a JDBC URL. */
	static Connection database(String settings) throws SQLException {
		return DriverManager.getConnection("jdbc:h2:mem:bands" + SEQ.incrementAndGet() + settings);
	}

	/** The history table as Flyway creates it: its exact lower-case name, quoted. */
	static void history(Connection c, String... versions) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("CREATE TABLE \"flyway_schema_history\" (\"version\" VARCHAR(50))");
			for (String v : versions) {
				s.execute("INSERT INTO \"flyway_schema_history\" VALUES ('" + v + "')");
			}
		}
	}

	static List<String> versions(Connection c) throws SQLException {
		List<String> versions = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY 1")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		return versions;
	}

	static Context context(Connection connection) {
		Configuration configuration = Flyway.configure();
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				return configuration;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

			@Override
			public MigrationInfo getMigrationInfo() {
				return null;
			}

			@Override
			public org.flywaydb.core.api.callback.Statement getStatement() {
				return null;
			}

			@Override
			public OperationResult getOperationResult() {
				return null;
			}
		};
	}

	@Test
	void renumbersTheThreeOutOfBandVersionsOnTheProjectsH2Settings() throws SQLException {
		try (Connection c = database(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
			history(c, "1.1", "2.1", "5.1", "5.90", "6.1");

			new MigrationBands().handle(Event.BEFORE_VALIDATE, context(c));

			assertThat(versions(c)).containsExactly("1.1", "1.3", "2.1", "2.3", "3.1");
		}
	}

	@Test
	void renumbersOnADatabaseThatFoldsNamesToUpperCase() throws SQLException {
		// H2's own default: an unquoted flyway_schema_history means
		// FLYWAY_SCHEMA_HISTORY,
		// which is not the table Flyway created.
		try (Connection c = database("")) {
			history(c, "5.1", "5.90", "6.1");

			new MigrationBands().handle(Event.BEFORE_MIGRATE, context(c));

			assertThat(versions(c)).containsExactly("1.3", "2.3", "3.1");
		}
	}

	@Test
	void doesNothingOnANewDatabase() throws SQLException {
		try (Connection c = database(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")) {
			new MigrationBands().handle(Event.BEFORE_VALIDATE, context(c));

			try (ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
				assertThat(rs.next()).isFalse();
			}
		}
	}

}
