package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Shows problems on the application's pages as a kind message, never a stack trace. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
public class PageErrors {

  @ExceptionHandler(PageException.class)
  public String pageProblem(PageException problem, Model model, HttpServletResponse response) {
    response.setStatus(problem.status().value());
    model.addAttribute("message", problem.getMessage());
    model.addAttribute("signIn", problem.status().value() == 401);
    return "problem";
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public String badLink(Model model, HttpServletResponse response) {
    return pageProblem(PageException.notFound("that page"), model, response);
  }
}
