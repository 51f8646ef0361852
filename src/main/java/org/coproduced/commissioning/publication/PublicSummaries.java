package org.coproduced.commissioning.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coproduced.commissioning.cycle.Cycle;
import org.coproduced.commissioning.cycle.CycleRepository;
import org.coproduced.commissioning.feedback.FeedbackRepository;
import org.coproduced.commissioning.feedback.PlainEnglishChecks;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository.ContributionOutcome;
import org.coproduced.commissioning.publication.PublicSummary.PublicWording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's public "we asked, you said, we did" summary, in two steps: the commissioner drafts the
 * public wording once the coordinator has checked the answers are in plain English; the coordinator
 * approves that wording; the commissioner publishes it, and may withdraw it. Any change goes back
 * to the coordinator, and the page stays off the public pages until it is approved and published
 * again. Every step is recorded with who and when, for auditors. Words appear only for
 * contributors who said yes.
 */
@Service
public class PublicSummaries {

  private final PublicSummaryRepository summaries;
  private final PublicCycles pages;
  private final CycleRepository cycles;
  private final ContributionRepository contributions;
  private final FeedbackRepository feedback;
  private final PlainEnglishChecks checks;

  PublicSummaries(PublicSummaryRepository summaries, PublicCycles pages, CycleRepository cycles,
      ContributionRepository contributions, FeedbackRepository feedback, PlainEnglishChecks checks) {
    this.summaries = summaries;
    this.pages = pages;
    this.cycles = cycles;
    this.contributions = contributions;
    this.feedback = feedback;
    this.checks = checks;
  }

  /** What the commissioner writes: the public title and purpose, and wording by contribution id. */
  public record Draft(String title, String purpose, Map<Long, PublicWording> wordings) {}

  /** One contribution as staff see it when writing the public wording. */
  public record EditorItem(long contributionId, String ref, String stage, String said, String answerOutcome,
      String whatChanged, String whyDecided, boolean consent, PublicWording wording) {}

  /** Everything the staff page about a cycle's public summary shows. */
  public record Editor(Cycle cycle, PublicSummary summary, boolean checked, List<EditorItem> items,
      List<PublicEvent> events, PublicCycle preview) {}

  /** The staff page of a cycle's public summary; empty when there is no such cycle. */
  @Transactional(readOnly = true)
  public Optional<Editor> editor(long cycleId) {
    return cycles.findById(cycleId).map(cycle -> {
      PublicSummary summary = summaries.findByCycle(cycleId).orElse(null);
      Set<Long> consenting = feedback.publicConsentIds(cycleId);
      Map<Long, Long> expertOf = new LinkedHashMap<>();
      contributions.outcomesOfCycles(List.of(cycleId)).forEach(o -> expertOf.put(o.id(), o.expertId()));
      List<EditorItem> items = new ArrayList<>();
      contributions.findByCycle(cycleId).forEach(c -> items.add(new EditorItem(c.id(), c.ref(),
          PublicCycles.STAGES.getOrDefault(c.stage(), c.stage()), c.said(), c.answerOutcome(), c.whatChanged(),
          c.whyDecided(), consenting.contains(expertOf.get(c.id())),
          summary == null ? null : summary.wordings().get(c.id()))));
      return new Editor(cycle, summary, checks.answersChecked(cycleId), items, summaries.events(cycleId),
          summary == null ? null : pages.of(summary));
    });
  }

  /** The commissioner saves the public wording: a first draft, or a change that needs approval again. */
  @Transactional
  public void save(long cycleId, Draft draft, String by) {
    requireCycle(cycleId);
    if (!checks.answersChecked(cycleId)) {
      throw new FormInputException("The coordinator has not yet checked that the answers are in plain English. "
          + "You can write the public summary after that check.");
    }
    String title = PublicText.required(draft.title(), "Title", PublicText.TITLE);
    String purpose = PublicText.required(draft.purpose(), "What we asked and why", PublicText.LONG);
    Set<Long> consenting = feedback.publicConsentIds(cycleId);
    Map<Long, PublicWording> wordings = new LinkedHashMap<>();
    for (ContributionOutcome o : contributions.outcomesOfCycles(List.of(cycleId))) {
      PublicWording typed = draft.wordings().get(o.id());
      String said = typed == null ? null : PublicText.optional(typed.said(), "What was said (" + o.ref() + ")",
          PublicText.LONG);
      if (said == null) {
        continue;
      }
      if (!consenting.contains(o.expertId())) {
        throw new FormInputException("The person who made point " + o.ref() + " has not agreed to the public "
            + "page, so it can only be counted. Please leave its wording empty.");
      }
      wordings.put(o.id(), new PublicWording(said,
          PublicText.optional(typed.whatChanged(), "What changed (" + o.ref() + ")", PublicText.LONG),
          PublicText.optional(typed.whyDecided(), "Why (" + o.ref() + ")", PublicText.LONG)));
    }
    boolean first = summaries.findByCycle(cycleId).isEmpty();
    summaries.saveDraft(cycleId, title, purpose, wordings, by);
    summaries.recordEvent(cycleId, first ? PublicAction.DRAFTED : PublicAction.CHANGED, by);
  }

  /** The coordinator approves the drafted wording. */
  @Transactional
  public void approve(long cycleId, String by) {
    move(cycleId, PublicSummaryStatus.DRAFTED, PublicSummaryStatus.APPROVED, by,
        "There is no new wording to approve. The commissioner writes it first.");
    summaries.recordEvent(cycleId, PublicAction.APPROVED, by);
  }

  /** The commissioner publishes the approved wording: it appears on the public pages and in the feed. */
  @Transactional
  public void publish(long cycleId, String by) {
    move(cycleId, PublicSummaryStatus.APPROVED, PublicSummaryStatus.PUBLISHED, by,
        "Only wording the coordinator has approved can be published.");
    summaries.recordEvent(cycleId, PublicAction.PUBLISHED, by);
  }

  /** The commissioner takes the summary off the public pages. */
  @Transactional
  public void withdraw(long cycleId, String by) {
    move(cycleId, PublicSummaryStatus.PUBLISHED, PublicSummaryStatus.WITHDRAWN, by,
        "This summary is not on the public pages, so there is nothing to withdraw.");
    summaries.recordEvent(cycleId, PublicAction.WITHDRAWN, by);
  }

  /** The public page of a cycle, only while its summary is published. */
  @Transactional(readOnly = true)
  public Optional<PublicCycle> published(long cycleId) {
    return summaries.findByCycle(cycleId).filter(s -> s.status() == PublicSummaryStatus.PUBLISHED).map(pages::of);
  }

  /** Every published cycle, the most recently published first. */
  @Transactional(readOnly = true)
  public List<PublicCycle> published() {
    return summaries.published().stream().map(pages::of).toList();
  }

  /** Who drafted, changed, approved, published and withdrew the cycle's summary, and when: for auditors. */
  @Transactional(readOnly = true)
  public List<PublicEvent> events(long cycleId) {
    return summaries.events(cycleId);
  }

  private void move(long cycleId, PublicSummaryStatus from, PublicSummaryStatus to, String by, String refusal) {
    requireCycle(cycleId);
    if (!summaries.move(cycleId, from, to, by)) {
      throw new FormInputException(refusal);
    }
  }

  private void requireCycle(long cycleId) {
    if (cycles.findById(cycleId).isEmpty()) {
      throw new FormInputException("We could not find that commissioning cycle.");
    }
  }
}
