package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.coproduced.commissioning.resilience.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One way to show problems on every HTML page of the application: a kind message, never a stack
 * trace. Not found, not allowed and not signed in come as {@link PageException}s; two people
 * changing the same thing at once, or the database briefly out of reach (a restart, a
 * failover), ask the person to try again: nothing was changed, the transaction was rolled back.
 * Pages behind links in messages show it in their own look ({@link LinkPageController}), and so do
 * the public pages ({@link PublicPageController}).
 */
@ControllerAdvice(annotations = {PageController.class, LinkPageController.class, PublicPageController.class})
public class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  static final String CHANGED_AT_THE_SAME_MOMENT = "Someone else changed this at the same moment, so nothing "
      + "was changed. Please try again.";

  @ExceptionHandler(PageException.class)
  public String pageProblem(PageException problem, HandlerMethod handler, Model model, HttpServletResponse response) {
    return show(problem, handler, model, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public String badLink(HandlerMethod handler, Model model, HttpServletResponse response) {
    return show(PageException.notFound("that page"), handler, model, response);
  }

  @ExceptionHandler(OptimisticLockingException.class)
  public String changedAtTheSameMoment(HandlerMethod handler, Model model, HttpServletResponse response) {
    return show(new PageException(HttpStatus.CONFLICT, CHANGED_AT_THE_SAME_MOMENT), handler, model, response);
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
  public String unavailable(Exception problem, HandlerMethod handler, Model model, HttpServletResponse response)
      throws Exception {
    if (!DatabaseFailures.isUnreachable(problem) && !isLinkPage(handler)) {
      throw problem;
    }
    return unexpected(problem, handler, model, response);
  }

  /**
   * Anything else on a link page (two answers at the same moment, say): the person is not signed
   * in and cannot ask anyone at once, so they hear that nothing was recorded and to try again.
   */
  @ExceptionHandler(RuntimeException.class)
  public String unexpected(Exception problem, HandlerMethod handler, Model model, HttpServletResponse response)
      throws Exception {
    if (!isLinkPage(handler) && !DatabaseFailures.isUnreachable(problem)) {
      throw problem;
    }
    if (!DatabaseFailures.isUnreachable(problem)) {
      LOG.error("A link could not be handled", problem);
    }
    response.setHeader("Retry-After", "60");
    return show(new PageException(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.TRY_AGAIN), handler, model,
        response);
  }

  private static String show(PageException problem, HandlerMethod handler, Model model, HttpServletResponse response) {
    response.setStatus(problem.status().value());
    if (isLinkPage(handler)) {
      LinkPageHeaders.apply(response);
      return problem.status() == HttpStatus.NOT_FOUND ? "links/refused" : "links/problem";
    }
    model.addAttribute("message", problem.getMessage());
    if (isPublicPage(handler)) {
      return "public/problem";
    }
    model.addAttribute("signIn", problem.status() == HttpStatus.UNAUTHORIZED);
    return "problem";
  }

  private static boolean isPublicPage(HandlerMethod handler) {
    return handler != null && handler.getBeanType().isAnnotationPresent(PublicPageController.class);
  }

  private static boolean isLinkPage(HandlerMethod handler) {
    return handler != null && handler.getBeanType().isAnnotationPresent(LinkPageController.class);
  }
}
