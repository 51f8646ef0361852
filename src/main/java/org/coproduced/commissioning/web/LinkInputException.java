package org.coproduced.commissioning.web;

/** Something a person typed on a link's page cannot be taken; the message says what to change. */
public class LinkInputException extends RuntimeException {

  public LinkInputException(String message) {
    super(message);
  }
}
