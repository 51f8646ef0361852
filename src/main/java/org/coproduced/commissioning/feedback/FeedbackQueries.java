package org.coproduced.commissioning.feedback;

import java.util.List;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.springframework.stereotype.Component;

/** Read-only answers for the feedback model's expressions, e.g. {@code ${feedbackQueries.contributorRefs(cycleId)}}. */
@Component
public class FeedbackQueries {

  private final ContributionRepository contributions;
  private final ExpertDirectory directory;
  private final ExpertContacts contacts;

  public FeedbackQueries(ContributionRepository contributions, ExpertDirectory directory, ExpertContacts contacts) {
    this.contributions = contributions;
    this.directory = directory;
    this.contacts = contacts;
  }

  /** Contributions still without an answer, or whose answer the coordinator asked to reword. */
  public List<Long> contributionIdsToAnswer(long cycleId) {
    return contributions.idsToAnswer(cycleId);
  }

  /**
   * A contribution's reference ({@code C-12}), for the answer-contribution form.
   *
   * <p>Instances of the feedback-delivery model released in 0.1.0 (version tag 1) call this from
   * an expression, {@code feedbackQueries.contributionRef(contributionId)}: keep its name and
   * parameters until none of those instances runs (migrated or finished). Then only
   * {@link ContributionRefListener} calls it.
   */
  public String contributionRef(long contributionId) {
    return Contribution.refOf(contributionId);
  }

  /** Everyone who contributed to the cycle, each once. */
  public List<String> contributorRefs(long cycleId) {
    return contributions.contributorRefs(cycleId, null);
  }

  /**
   * How a contributor hears from us: {@code tasklist} (a task, and an email if we have an
   * address), {@code email} (an email with an acknowledgement link), or {@code offline} (a
   * coordinator delivers it by post, phone or in person).
   */
  public String deliveryChannel(String contributorRef) {
    if (directory.tasklistUserOf(contributorRef) != null) {
      return "tasklist";
    }
    return contacts.emailReaches(contributorRef) ? "email" : "offline";
  }
}
