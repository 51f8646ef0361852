package org.coproduced.commissioning.involvement.invitation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.coproduced.commissioning.experts.ContactChannel;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.CycleOutlines;
import org.coproduced.commissioning.involvement.CycleOutlines.CycleOutline;
import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.WellbeingSupport;
import org.coproduced.commissioning.involvement.invitation.InvitationFacts.Facts;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates.Rate;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchAsk;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchRepository;
import org.coproduced.commissioning.notification.MessageContent;
import org.springframework.stereotype.Component;

/**
 * What every invitation tells an expert beyond the session itself, the same in the email, on the
 * answer page and in Tasklist: why the cycle involves experts (the commissioner's words from the
 * start form), its timeline, whether they come as a newcomer with a buddy or as someone's buddy,
 * what to prepare (the bids of an evaluation session, and how they reach them), and the offer,
 * which is what the recompense table will record for a session of that kind.
 */
@Component
public class InvitationPack {

  /** The decision table pays at least this many hours to read the bids of an evaluation session. */
  public static final int BID_READING_HOURS = 2;

  /** The expert's part alongside the others. */
  public enum Role {
    /** Taking part as usual. */
    EXPERT,
    /** One of their first sessions: an experienced expert comes as their buddy. */
    NEWCOMER,
    /** Experienced, coming to look after a newcomer. */
    BUDDY
  }

  /** The pack for one invitation. Amounts are in pounds, as shown ("£26.90"). */
  public record Pack(String cycleTitle, String purpose, String timeline, Role role, boolean bidsToRead,
      int readingHours, boolean papersByPost, String recompense, BigDecimal paidHours, String amount,
      String hourlyRate, String agreedOffer, String ownExperienceNote, PeerResearchAsk peerResearch) {

    /** Peer research only: no session, so nothing about a date, a place or travel. */
    public boolean peerResearchOnly() {
      return peerResearch != null && !peerResearch.sessionToo();
    }

    /** Both a session and peer research: the expert who says yes chooses which. */
    public boolean choosesHow() {
      return peerResearch != null && peerResearch.sessionToo();
    }

    public boolean newcomer() {
      return role == Role.NEWCOMER;
    }

    public boolean buddy() {
      return role == Role.BUDDY;
    }

    /** Paid hours as a person reads them: "4" rather than "4.00". */
    public String hours() {
      return paidHours.stripTrailingZeros().toPlainString();
    }
  }

  /** The pack in sentences, for Tasklist and the answer page; {@code roleNote} is null for someone taking part as usual. */
  public record Sentences(String purpose, String timeline, String roleNote, String whatWeWouldLike,
      String recompenseOffer, boolean peerResearchOnly, boolean choosesHow) {}

  static final String NEWCOMER_NOTE =
      "As this is one of your first sessions, an experienced expert will come as your buddy, to help you settle in.";
  static final String BUDDY_NOTE = "We would like you to come as a buddy. Someone is coming to one of their first "
      + "sessions. Being their buddy means saying hello before the session starts, sitting with them if they would "
      + "like, helping them find their way in, and checking how they are afterwards. You take part as usual as well: "
      + "you do not speak for them.";
  static final String NOTHING_TO_PREPARE = "To come along and share your own experience, in your own words. You do "
      + "not need to prepare anything. You can stop or take a break at any time.";

  private final CycleOutlines cycles;
  private final ExpertRepository experts;
  private final InvitationRepository invitations;
  private final RecompenseRates rates;
  private final MatchingProperties matching;
  private final InvolvementRequestRepository requests;
  private final WellbeingSupport wellbeing;
  private final PeerResearchRepository peerResearch;

  public InvitationPack(CycleOutlines cycles, ExpertRepository experts, InvitationRepository invitations,
      RecompenseRates rates, MatchingProperties matching, InvolvementRequestRepository requests,
      WellbeingSupport wellbeing, PeerResearchRepository peerResearch) {
    this.peerResearch = peerResearch;
    this.cycles = cycles;
    this.experts = experts;
    this.invitations = invitations;
    this.rates = rates;
    this.matching = matching;
    this.requests = requests;
    this.wellbeing = wellbeing;
  }

  public Pack of(Facts invitation) {
    CycleOutline cycle = cycles.outline(invitation.cycleId()).orElseThrow();
    Expert expert = experts.findById(invitation.expertId()).orElseThrow();
    boolean bids = AccessArrangements.isEvaluation(invitation.stage());
    Rate rate = quote(invitation.stage(), invitation.sessionFormat(), invitation.durationHours());
    String recompense = expert.recompensePreference() == null ? "payment" : expert.recompensePreference();
    return new Pack(cycle.title(), cycle.purpose(), cycle.timeline(), role(invitation, expert), bids,
        bids ? BID_READING_HOURS : 0,
        expert.contactChannel() == ContactChannel.POST || expert.contactChannel() == ContactChannel.PHONE,
        recompense, rate.paidHours(), pounds(rate.amount()), pounds(matching.hourlyRate()),
        agreedOffer(cycle.recompenseOffer()),
        requests.asksAboutOwnExperience(invitation.requestId()) ? wellbeing.invitationNote() : null,
        peerResearch.ask(invitation.requestId()).orElse(null));
  }

  /**
   * What a peer researcher does, in sentences: the invitation's "what we would like from you" when
   * there is no session, and the other way to take part when there is one too.
   */
  public static String peerResearchTask(PeerResearchAsk ask) {
    return "To gather views from people who do not come to meetings, such as friends, neighbours or people at a "
        + "group you go to, and pass them on in their own words, without their names. Please ask them about this: "
        + ask.whatToAsk() + " Please gather their views by " + MessageContent.DAY.format(ask.gatheredBy())
        + ". Then you write down what they told you, how many people you heard from and the hours you spent, "
        + "in a task we give you. If you would rather, tell a coordinator and they will write it down. "
        + "You can stop at any time.";
  }

  /** How a peer researcher is thanked: for the hours they record, at the hourly rate, in the form they chose. */
  public static String peerResearchOffer(Pack pack) {
    String rate = "for the hours you spend gathering views, at " + pack.hourlyRate() + " an hour";
    return switch (pack.recompense()) {
      case "voucher" -> "You will get a voucher " + rate + ".";
      case "training" -> "You will get training or personal development credit " + rate + ".";
      case "none" -> "You told us you would rather not be paid for your time. If that has changed, please tell us.";
      default -> "We will pay you " + rate + ".";
    };
  }

  /** The involvement plan's recompense offer in words, or null before a plan is agreed. */
  static String agreedOffer(String offer) {
    if (offer == null) {
      return null;
    }
    return "For this work we agreed: " + switch (offer) {
      case "choice" -> "each expert chooses payment, a voucher or training credit.";
      case "voucher" -> "a voucher.";
      case "payment" -> "payment at the hourly rate.";
      case "training" -> "training or personal development credit.";
      default -> "no recompense.";
    };
  }

  /** The same pack as the email's, in plain sentences. */
  public Sentences sentences(Pack pack) {
    String roleNote = switch (pack.role()) {
      case NEWCOMER -> NEWCOMER_NOTE;
      case BUDDY -> BUDDY_NOTE;
      case EXPERT -> null;
    };
    String like = !pack.bidsToRead() ? NOTHING_TO_PREPARE
        : "This session is about choosing who will run the service. Before it, there are bids to read: each "
            + "organisation's written offer. Reading them takes about " + pack.readingHours() + " hours, and we pay "
            + "for that time. " + (pack.papersByPost() ? "We will post the bids to you before the session."
                : "We will email the bids to you before the session. If you would rather have them on paper, by "
                    + "post, or in large print, tell us when you answer.")
            + " At the session, share your own view of them, in your own words. You can stop or take a break at "
            + "any time.";
    String hours = pack.hours() + ("1".equals(pack.hours()) ? " hour" : " hours") + " at " + pack.hourlyRate()
        + " an hour";
    String offer = switch (pack.recompense()) {
      case "voucher" -> "You will get a voucher worth " + pack.amount() + " (" + hours + ").";
      case "training" -> "You will get training or personal development credit worth " + pack.amount() + " ("
          + hours + ").";
      case "none" -> "You told us you would rather not be paid for your time. If that has changed, please tell us.";
      default -> "We will pay you " + pack.amount() + " (" + hours + ").";
    };
    String agreed = pack.agreedOffer() == null ? "" : pack.agreedOffer() + " ";
    if (pack.peerResearchOnly()) {
      like = peerResearchTask(pack.peerResearch());
      String note = pack.ownExperienceNote() == null ? "" : " " + pack.ownExperienceNote();
      return new Sentences(pack.purpose(), pack.timeline(), null, like + note, agreed + peerResearchOffer(pack), true,
          false);
    }
    if (pack.choosesHow()) {
      like = like + " Or, if you would rather not come to the session, you can be a peer researcher instead: "
          + peerResearchTask(pack.peerResearch()) + " When you say yes, tell us which you would like to do.";
    }
    if (pack.ownExperienceNote() != null) {
      like = like + " " + pack.ownExperienceNote();
    }
    return new Sentences(pack.purpose(), pack.timeline(), roleNote, like,
        agreed + offer + " We pay back travel and childcare costs for the session. Please keep your tickets or receipts."
            + (pack.choosesHow() ? " Peer researchers are thanked in the same way for the hours they spend "
                + "gathering views, at " + pack.hourlyRate() + " an hour." : ""), false, pack.choosesHow());
  }

  /**
   * What the recompense table will record for someone who comes to the whole session with no
   * extra preparation recorded: the table's minimums (such as the hours to read bids) included.
   */
  public Rate quote(String stage, String sessionFormat, int durationHours) {
    return rates.expectedRate(stage, sessionFormat, durationHours, 0);
  }

  private Role role(Facts invitation, Expert expert) {
    if (invitation.buddy()) {
      return Role.BUDDY;
    }
    boolean firstTimer = !expert.experienced() && !invitations.hasAttended(expert.id());
    return firstTimer && invitations.hasBuddyComing(invitation.requestId()) ? Role.NEWCOMER : Role.EXPERT;
  }

  static String pounds(BigDecimal amount) {
    return "£" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
