package org.crmbackoffice.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server reachable through an administrative connection that may create and
 * drop databases.
 *
 * @param description where the server comes from, for the test log
 * @param adminJdbcUrl a JDBC URL of a database on the server that is not one of the test
 * databases
 */
record PostgresServer(String description, String adminJdbcUrl, String username, String password) {

	TestDatabase createDatabase(String name) {
		execute("CREATE DATABASE \"" + name + "\"");
		return new TestDatabase(name, jdbcUrlOf(name), this.username, this.password);
	}

	void dropDatabase(String name) {
		execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.adminJdbcUrl, this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("'" + sql + "' failed on " + this.description + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The same server and parameters as the admin URL, with the database name replaced.
	 */
	private String jdbcUrlOf(String database) {
		int query = this.adminJdbcUrl.indexOf('?');
		String base = (query < 0) ? this.adminJdbcUrl : this.adminJdbcUrl.substring(0, query);
		String parameters = (query < 0) ? "" : this.adminJdbcUrl.substring(query);
		int slash = base.lastIndexOf('/');
		return base.substring(0, slash + 1) + database + parameters;
	}

}
