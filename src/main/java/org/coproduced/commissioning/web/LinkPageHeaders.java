package org.coproduced.commissioning.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The token is in the address: keep link pages out of caches, other sites' logs and search engines. */
@ControllerAdvice(annotations = LinkPageController.class)
public class LinkPageHeaders {

  @ModelAttribute
  void privateHeaders(HttpServletResponse response) {
    apply(response);
  }

  static void apply(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Robots-Tag", "noindex");
  }
}
