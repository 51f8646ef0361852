package org.coproduced.commissioning.involvement.recompense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository.Expenses;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.involvement.recompense.RecompenseRates.Rate;
import org.springframework.stereotype.Component;

/**
 * What experts are owed for work outside sessions: reviewing a draft of a cycle's specification,
 * and the meeting to agree it when three rounds did not. It is paid like a session, in the form
 * each expert chose, at the hourly rate, for the hours the coordinator recorded or, when nobody
 * did, the configured hours for that work. These hours count towards the limit in matching
 * because matching reads them from the {@link RecompenseLedger}.
 */
@Component
public class WorkRecorder {

  private final RecompenseLedger ledger;
  private final ExpertRepository experts;
  private final RecompenseProperties properties;
  private final MatchingProperties matching;

  public WorkRecorder(RecompenseLedger ledger, ExpertRepository experts, RecompenseProperties properties,
      MatchingProperties matching) {
    this.ledger = ledger;
    this.experts = experts;
    this.properties = properties;
    this.matching = matching;
  }

  /** One expert reviewed one round's draft; {@code recordedHours} is null when nobody recorded them. */
  public void recordSpecificationReview(long cycleId, int round, String expertRef, Integer recordedHours,
      LocalDate reviewedOn) {
    record(cycleId, round, RecompensedWork.SPECIFICATION_REVIEW, expertRef, recordedHours, reviewedOn);
  }

  /** The experts at the meeting held after {@code round}; {@code recordedHours} is null when nobody recorded them. */
  public void recordMediationMeeting(long cycleId, int round, Collection<String> expertRefs, Integer recordedHours,
      LocalDate meetingDate) {
    expertRefs.stream().distinct().forEach(ref ->
        record(cycleId, round, RecompensedWork.MEDIATION_MEETING, ref, recordedHours, meetingDate));
  }

  /**
   * One peer researcher's hours gathering views for one request, at the hourly rate, in the form
   * they chose, and what they paid out, always repaid; a retry adds nothing twice.
   *
   * @param expensesApprovedBy the coordinator who approved the expenses, or null when the peer
   *     researcher recorded them and a coordinator checks them before recording them paid
   */
  public void recordPeerResearch(long requestId, long cycleId, long expertId, int hours, Expenses expenses,
      String expensesApprovedBy, LocalDate recordedOn) {
    Expert expert = experts.findById(expertId).orElseThrow(() ->
        new IllegalStateException("No expert " + expertId + " to recompense for peer research"));
    String kind = expert.recompensePreference() == null ? "payment" : expert.recompensePreference();
    boolean none = "none".equals(kind);
    BigDecimal paidHours = BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
    BigDecimal amount = paidHours.multiply(matching.hourlyRate()).setScale(2, RoundingMode.HALF_UP);
    String basis = hours + (hours == 1 ? " hour " : " hours ") + RecompensedWork.PEER_RESEARCH.hoursSpent()
        + ", as they recorded";
    ledger.addOwedForPeerResearch(new RecompenseLedger.PeerResearchOwed(expert.id(), requestId, cycleId, recordedOn,
        kind.toUpperCase(Locale.ROOT), hours, none ? BigDecimal.ZERO.setScale(2) : paidHours,
        none ? BigDecimal.ZERO.setScale(2) : amount, none ? "They chose not to receive recompense" : basis,
        expenses, expensesApprovedBy));
  }

  /**
   * An invited expert who could not come sent their thoughts to the gate {@code requestId} instead
   * (in writing, or said to a coordinator or in a recording). Paid like other work outside
   * sessions, for the configured hours; the gate's request id stands in the round column, so there
   * is one entry per expert and gate however many times this is called.
   */
  public void recordWrittenContribution(long cycleId, long requestId, String expertRef, LocalDate sentOn) {
    record(cycleId, Math.toIntExact(requestId), RecompensedWork.WRITTEN_CONTRIBUTION, expertRef, null, sentOn);
  }

  /**
   * What the ledger records for this work by someone who chose payment, a voucher or training
   * credit: the hours given (or the configured hours) at the hourly rate.
   */
  public Rate quote(RecompensedWork work, Integer recordedHours) {
    int hours = recordedHours == null ? properties.defaultHours(work) : recordedHours;
    BigDecimal paidHours = BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
    String basis = hours + (hours == 1 ? " hour " : " hours ") + work.hoursSpent()
        + (recordedHours == null ? ", the usual time for this work" : ", as the coordinator recorded");
    return new Rate(paidHours, paidHours.multiply(matching.hourlyRate()).setScale(2, RoundingMode.HALF_UP), basis);
  }

  private void record(long cycleId, int round, RecompensedWork work, String expertRef, Integer recordedHours,
      LocalDate workedOn) {
    Expert expert = experts.findByRef(expertRef).orElseThrow(() ->
        new IllegalStateException("No expert " + expertRef + " to recompense for " + work.hoursSpent()));
    String kind = expert.recompensePreference() == null ? "payment" : expert.recompensePreference();
    Rate rate = quote(work, recordedHours);
    boolean none = "none".equals(kind);
    ledger.addOwedForWork(new RecompenseLedger.WorkOwed(expert.id(), cycleId, round, work, workedOn,
        kind.toUpperCase(Locale.ROOT), rate.paidHours().intValue(),
        none ? BigDecimal.ZERO.setScale(2) : rate.paidHours(), none ? BigDecimal.ZERO.setScale(2) : rate.amount(),
        none ? "They chose not to receive recompense" : rate.basis()));
  }
}
