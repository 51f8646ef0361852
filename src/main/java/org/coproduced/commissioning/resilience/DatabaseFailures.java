package org.coproduced.commissioning.resilience;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a database that cannot be reached (for now) from a mistake that retrying will not fix. */
public final class DatabaseFailures {

  /** What a person is told when their request failed because the database could not be reached. */
  public static final String TRY_AGAIN = "The system is briefly unavailable, so nothing was changed. "
      + "Please try again in a minute.";

  private DatabaseFailures() {}

  /** True when something in the chain of causes says the database could not be reached or went away. */
  public static boolean isUnreachable(Throwable problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
          || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
          || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
        return true;
      }
      // A rollback on a connection the pool has already closed hides the failure that closed it.
      if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && isUnreachable(rollback.getApplicationException())) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // 08: connection exceptions; 57P: the server is shutting down or restarting.
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
