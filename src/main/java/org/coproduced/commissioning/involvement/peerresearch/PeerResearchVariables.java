package org.coproduced.commissioning.involvement.peerresearch;

/** Names of the peer research variables and form fields of process {@code involvement-request}. */
public final class PeerResearchVariables {

  /** The task where each peer researcher records what people told them. */
  public static final String RECORD_PEER_RESEARCH = "Activity_RecordPeerResearch";

  // describe-involvement-request
  /** How experts take part: "session" (the default, as before), "peerResearch" or "both". */
  public static final String HOW_TO_TAKE_PART = "howToTakePart";
  public static final String SESSION = "session";
  public static final String PEER_RESEARCH = "peerResearch";
  public static final String BOTH = "both";
  /** The date by which peer researchers gather views. */
  public static final String PEER_RESEARCH_BY = "peerResearchBy";
  /** What peer researchers ask people about, in the commissioner's words. */
  public static final String PEER_RESEARCH_ASK = "peerResearchAsk";

  // answer-invitation and follow-up-invitation, when a request has both
  /** "session" or "peerResearch": how the expert who says yes takes part. */
  public static final String TAKE_PART_AS = "takePartAs";
  /** Task-local, on answer-invitation: true when the request has both, so the form asks which. */
  public static final String CHOOSES_HOW = "choosesHow";
  /** Task-local, on answer-invitation: true when the request has peer research and no session. */
  public static final String PEER_RESEARCH_ONLY = "peerResearchOnly";

  // record-peer-research (the points are private: they stay out of the engine)
  public static final String PRIVATE_POINT_PREFIX = "privatePoint";
  public static final int MOST_POINTS = 5;
  public static final String PEOPLE_HEARD = "peopleHeard";
  public static final String HOURS_SPENT = "hoursSpent";
  /** "yes" (the default, as on forms before it was asked) or {@link #NONE_GATHERED}: they could not gather any views. */
  public static final String GATHERED_ANY = "gatheredAny";
  public static final String NONE_GATHERED = "no";
  /** Task-local, on record-peer-research: what to ask about and by when, shown on the form. */
  public static final String WHAT_TO_ASK = "whatToAsk";
  public static final String GATHERED_BY = "gatheredBy";

  private PeerResearchVariables() {}

  /** The form key of point {@code n} (1 to {@link #MOST_POINTS}). */
  public static String point(int n) {
    return PRIVATE_POINT_PREFIX + n;
  }
}
