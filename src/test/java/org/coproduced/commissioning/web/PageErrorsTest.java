package org.coproduced.commissioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.coproduced.commissioning.resilience.DatabaseFailures;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.ui.ExtendedModelMap;

/** What a page says when the database is away or someone changed the same thing at the same moment. */
class PageErrorsTest {

  final PageErrors pages = new PageErrors();

  @PageController
  static class SignedInPages {
    public String show() {
      return "page";
    }
  }

  @LinkPageController
  static class LinkPages {
    public String show() {
      return "page";
    }
  }

  final HandlerMethod signedIn = handler(new SignedInPages());
  final HandlerMethod link = handler(new LinkPages());

  static HandlerMethod handler(Object controller) {
    try {
      return new HandlerMethod(controller, controller.getClass().getMethod("show"));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLostDatabaseConnectionAsksThePersonToTryAgain() throws Exception {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();
    String view = pages.unavailable(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
        new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")), signedIn,
        model, response);
    assertThat(view).isEqualTo("problem");
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("60");
    assertThat(model.getAttribute("message")).isEqualTo(DatabaseFailures.TRY_AGAIN);

    MockHttpServletResponse noConnection = new MockHttpServletResponse();
    pages.unavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"), signedIn, model,
        noConnection);
    assertThat(noConnection.getStatus()).isEqualTo(503);
  }

  @Test
  void aRollbackOnAConnectionThePoolHasClosedIsAnOutageToo() {
    // What the engine throws when the connection broke mid-query and the pool closed it before the rollback.
    TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new ProcessEngineException("An exception occurred in the persistence layer",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    assertThat(DatabaseFailures.isUnreachable(new ProcessEngineException("Cannot submit task form", rollbackFailed)))
        .isTrue();

    TransactionSystemException otherRollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    otherRollback.initApplicationException(new ProcessEngineException("Unknown property used in expression"));
    assertThat(DatabaseFailures.isUnreachable(otherRollback)).isFalse();
  }

  @Test
  void aChangeAtTheSameMomentAsksThePersonToTryAgain() {
    ExtendedModelMap model = new ExtendedModelMap();
    MockHttpServletResponse response = new MockHttpServletResponse();
    pages.changedAtTheSameMoment(signedIn, model, response);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat((String) model.getAttribute("message")).contains("at the same moment").contains("try again");
  }

  @Test
  void otherEngineErrorsAreNotDisguisedAsAnOutage() {
    ProcessEngineException mistake = new ProcessEngineException("Unknown property used in expression");
    assertThatThrownBy(() -> pages.unavailable(mistake, signedIn, new ExtendedModelMap(), new MockHttpServletResponse()))
        .isSameAs(mistake);
  }

  @Test
  void aLinkPageSaysNothingWasRecordedInItsOwnLookAndStaysOutOfCaches() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    String view = pages.unexpected(new IllegalStateException("two answers at once"), link, new ExtendedModelMap(),
        response);
    assertThat(view).isEqualTo("links/problem");
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");

    MockHttpServletResponse notFound = new MockHttpServletResponse();
    assertThat(pages.badLink(link, new ExtendedModelMap(), notFound)).isEqualTo("links/refused");
    assertThat(notFound.getStatus()).isEqualTo(404);
  }

  @Test
  void anUnexpectedErrorOnASignedInPageIsLeftToTheApplicationsErrorPage() {
    IllegalStateException bug = new IllegalStateException("a mistake in the code");
    assertThatThrownBy(() -> pages.unexpected(bug, signedIn, new ExtendedModelMap(), new MockHttpServletResponse()))
        .isSameAs(bug);
  }
}
