package org.coproduced.commissioning.experts;

import org.springframework.stereotype.Component;

/**
 * Looks up how to reach an expert by their pseudonymous reference. Used from BPMN expressions,
 * for example {@code ${expertDirectory.tasklistUserOf(reviewerRef)}}.
 */
@Component
public class ExpertDirectory {

  private final ExpertRepository experts;

  public ExpertDirectory(ExpertRepository experts) {
    this.experts = experts;
  }

  /**
   * The Tasklist user of an expert who works in Tasklist, or {@code null}: then the task goes to
   * the coordinators, who reach the expert by post, phone or in person.
   */
  public String tasklistUserOf(String expertRef) {
    return experts.findByRef(expertRef).filter(Expert::usesTasklist).map(Expert::tasklistUser).orElse(null);
  }

  public Expert byRef(String expertRef) {
    return experts.findByRef(expertRef)
        .orElseThrow(() -> new IllegalArgumentException("No expert with reference " + expertRef));
  }
}
