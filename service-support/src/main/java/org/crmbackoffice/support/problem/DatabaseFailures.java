package org.crmbackoffice.support.problem;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached from one that refused a statement. The
 * exception a lost connection surfaces as depends on where it hit (opening a transaction,
 * a query, the rollback after it), so the causes are read down to the driver's SQL state;
 * where they say nothing (a rollback on a connection the pool already closed hides the
 * failure before it), the database itself is asked.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** Whether the failure, or one of its causes, says the database cannot be reached. */
	public static boolean isUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the database gives a working connection now; {@code true} when the service
	 * has none.
	 */
	static boolean answers(DataSource dataSource) {
		if (dataSource == null) {
			return true;
		}
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Class 08 is a connection exception; 57P01 to 57P03 are the server shutting down,
	 * crashed or starting up.
	 */
	private static boolean isConnectionState(String state) {
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

}
