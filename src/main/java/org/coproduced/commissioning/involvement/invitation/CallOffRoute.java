package org.coproduced.commissioning.involvement.invitation;

/**
 * A way of taking part other than the session (peer research) whose people hear in its own words
 * when the request is called off: "the session on … will not happen" means nothing to someone who
 * was gathering views. Routes are asked in turn; someone no route claims hears about the session.
 */
public interface CallOffRoute {

  /**
   * Tells the expert of this invitation, in the caller's transaction, if they take part this way.
   *
   * @return whether they take part this way (told, or with nothing to tell); false leaves them to hear about the session
   */
  boolean tellCalledOff(Invitation invitation);
}
