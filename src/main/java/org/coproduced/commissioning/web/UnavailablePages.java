package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.coproduced.commissioning.resilience.DatabaseFailures;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.transaction.TransactionException;

/**
 * When the database is briefly out of reach (a restart, a failover) or two people change the same
 * thing at once, the application's pages ask the person to try again instead of showing an error
 * trace. Nothing was changed in either case: the transaction was rolled back.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnavailablePages {

  static final String CHANGED_AT_THE_SAME_MOMENT = "Someone else changed this at the same moment, so nothing "
      + "was changed. Please try again.";

  @ExceptionHandler(OptimisticLockingException.class)
  public String changedAtTheSameMoment(Model model, HttpServletResponse response) {
    return problem(new PageException(HttpStatus.CONFLICT, CHANGED_AT_THE_SAME_MOMENT), model, response);
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
  public String unavailable(Exception problem, Model model, HttpServletResponse response) throws Exception {
    if (!DatabaseFailures.isUnreachable(problem)) {
      throw problem;
    }
    response.setHeader("Retry-After", "60");
    return problem(new PageException(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.TRY_AGAIN), model, response);
  }

  private static String problem(PageException problem, Model model, HttpServletResponse response) {
    response.setStatus(problem.status().value());
    model.addAttribute("message", problem.getMessage());
    model.addAttribute("signIn", false);
    return "problem";
  }
}
