package org.coproduced.commissioning.web;

import org.springframework.http.HttpStatus;

/** Ends a page request with a status and a message a person understands. */
public class PageException extends RuntimeException {

  private final HttpStatus status;

  public PageException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  public static PageException notSignedIn() {
    return new PageException(HttpStatus.UNAUTHORIZED,
        "Please sign in to Tasklist first, then open this page again.");
  }

  public static PageException forbidden() {
    return new PageException(HttpStatus.FORBIDDEN, "This page is not part of your work, so it cannot be shown.");
  }

  public static PageException notFound(String what) {
    return new PageException(HttpStatus.NOT_FOUND, "We could not find " + what + ". The link may be out of date.");
  }
}
