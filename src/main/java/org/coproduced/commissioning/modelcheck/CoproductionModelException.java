package org.coproduced.commissioning.modelcheck;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Refuses a commissioning-cycle model that lets coproduction be skipped. The message has one
 * line per violation, each naming the process, the path and the rule, so that whoever sees it
 * (deployment log, Cockpit, a CI job) can find the elements in Camunda Modeler.
 */
public class CoproductionModelException extends ProcessEngineException {

  private static final long serialVersionUID = 1L;

  private final transient List<CoproductionViolation> violations;

  public CoproductionModelException(List<CoproductionViolation> violations) {
    super(messageFor(violations));
    this.violations = List.copyOf(violations);
  }

  public List<CoproductionViolation> getViolations() {
    return violations;
  }

  static String messageFor(List<CoproductionViolation> violations) {
    return violations.stream()
        .map(violation -> "Deployment refused: " + violation.description())
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
