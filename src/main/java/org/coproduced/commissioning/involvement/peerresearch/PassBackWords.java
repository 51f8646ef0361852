package org.coproduced.commissioning.involvement.peerresearch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.contribution.ContributionRoute;
import org.springframework.stereotype.Component;

/**
 * The words a peer researcher can use to tell the people they heard from what happened to their
 * views: each point as they recorded it, with the commissioner's answer, in plain sentences,
 * never naming anyone. Their "you said, we did" carries them.
 */
@Component
public class PassBackWords {

  /** Words to pass back: one paragraph per point gathered, ready to read out or copy. */
  public record PassBack(List<String> paragraphs) {

    /** The paragraphs as one text, a blank line between them. */
    public String text() {
      return String.join("\n\n", paragraphs);
    }
  }

  private final ContributionRepository contributions;

  public PassBackWords(ContributionRepository contributions) {
    this.contributions = contributions;
  }

  /** The words for this expert's peer research in the cycle; empty when they did none. */
  public Optional<PassBack> forResearcher(long cycleId, String expertRef) {
    List<String> paragraphs = contributions.findByCycleAndExpert(cycleId, expertRef).stream()
        .filter(c -> c.route() == ContributionRoute.PEER_RESEARCH)
        .map(PassBackWords::paragraph).toList();
    return paragraphs.isEmpty() ? Optional.empty() : Optional.of(new PassBack(paragraphs));
  }

  /** The words for each peer research contribution among these, by contribution id, for the feedback pages. */
  public Map<Long, String> byContribution(List<Contribution> contributions) {
    Map<Long, String> words = new HashMap<>();
    contributions.stream().filter(c -> c.route() == ContributionRoute.PEER_RESEARCH)
        .forEach(c -> words.put(c.id(), paragraph(c)));
    return words;
  }

  private static String paragraph(Contribution c) {
    String heard = "You told me: \"" + c.said() + "\". I passed this on without your name.";
    if (!c.isAnswered()) {
      return heard + " The council has not answered this yet. I will tell you when it does.";
    }
    String did = switch (c.answerOutcome()) {
      case "adopted" -> "The council did this.";
      case "partly" -> "The council did part of this.";
      default -> "The council did not do this.";
    };
    return heard + " " + did + " What changed: " + c.whatChanged() + " Why: " + c.whyDecided();
  }
}
