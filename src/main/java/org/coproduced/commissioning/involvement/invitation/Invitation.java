package org.coproduced.commissioning.involvement.invitation;

/** One expert's invitation to one session. */
public record Invitation(long id, long requestId, long expertId, String expertRef, String status, boolean buddy) {

  public static final String PROPOSED = "PROPOSED";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String INVITED = "INVITED";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String DECLINED = "DECLINED";
  public static final String WITHDRAWN = "WITHDRAWN";
  /** Taken off the proposal by a coordinator before anyone was invited. */
  public static final String REMOVED = "REMOVED";
}
