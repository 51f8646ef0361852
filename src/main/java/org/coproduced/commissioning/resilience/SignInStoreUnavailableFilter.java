package org.coproduced.commissioning.resilience;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Sign-ins are kept in the database, so while it cannot be reached even reading who is signed in
 * fails, before any of the application's own error handling runs. This filter sits outside the
 * sign-in store and gives the person the same answer as everywhere else in an outage: 503 and
 * "please try again in a minute", never a stack trace.
 */
public class SignInStoreUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SignInStoreUnavailableFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException problem) {
      if (!DatabaseFailures.isUnreachable(problem) || response.isCommitted()) {
        throw problem;
      }
      LOG.warn("{} {} answered 503: the database could not be reached ({})", request.getMethod(),
          request.getRequestURI(), problem.getMessage());
      tryAgain(request, response);
    }
  }

  private static void tryAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.reset();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "60");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<title>Please try again</title></head><body><main><h1>Please try again</h1><p>"
          + HtmlUtils.htmlEscape(DatabaseFailures.TRY_AGAIN) + "</p></main></body></html>");
    } else {
      // The shape the webapps and the engine REST API use for their errors.
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write("{\"type\":\"ServiceUnavailable\",\"message\":\"" + DatabaseFailures.TRY_AGAIN + "\"}");
    }
  }
}
