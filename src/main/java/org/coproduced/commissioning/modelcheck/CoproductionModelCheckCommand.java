package org.coproduced.commissioning.modelcheck;

import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Runs the coproduction model check on {@code .bpmn} files, without an engine or Spring, so a
 * modeller's change can be checked in CI before it is deployed:
 *
 * <pre>./mvnw -q compile exec:java -Dexec.args="processes/commissioning-cycle.bpmn processes/involvement-request.bpmn processes/feedback-delivery.bpmn"</pre>
 *
 * <p>The files are checked as one deployment into an empty engine, so a gate's call resolves
 * among them exactly as it would there: give the involvement and feedback models with the cycle.
 * Prints {@code OK <file>} for each file that passes and the refusal message for each that does
 * not. Exit status: 0 all passed, 1 some model breaks a rule, 2 a file could not be read (or no
 * file was given).
 */
public final class CoproductionModelCheckCommand {

  static final int PASSED = 0;
  static final int VIOLATIONS = 1;
  static final int UNREADABLE = 2;

  private CoproductionModelCheckCommand() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Checks each file and returns the exit status, the worst over all files. */
  static int run(List<String> files, PrintStream out, PrintStream err) {
    if (files.isEmpty()) {
      err.println("Usage: CoproductionModelCheckCommand <model.bpmn> [<model.bpmn> ...]");
      return UNREADABLE;
    }
    CoproductionModelChecker checker = new CoproductionModelChecker();
    int status = PASSED;
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (String file : files) {
      try {
        models.put(file, Bpmn.readModelFromFile(new File(file)));
      } catch (RuntimeException e) {
        err.println("UNREADABLE " + file + ": " + reasonOf(e));
        status = Math.max(status, UNREADABLE);
      }
    }
    // The files are one deployment into an empty engine: a gate's binding resolves among them.
    CalledProcesses called = new CalledProcesses(models.values(), DeployedDefinitions.NONE);
    for (Map.Entry<String, BpmnModelInstance> entry : models.entrySet()) {
      String file = entry.getKey();
      List<CoproductionViolation> violations = checker.check(entry.getValue(), called);
      if (!violations.isEmpty()) {
        err.println("REFUSED " + file);
        err.println(CoproductionModelException.messageFor(violations));
        status = Math.max(status, VIOLATIONS);
      } else if (CoproductionModelChecker.checksAnything(entry.getValue())) {
        out.println("OK " + file);
      } else {
        // Said out loud: a cycle that lost its marker would otherwise pass unchecked.
        out.println("OK " + file + " (no process is marked coproduction:cycle=true, and none is "
            + CoproductionMarkers.INVOLVEMENT_PROCESS + " or " + CoproductionMarkers.FEEDBACK_PROCESS
            + ": nothing to check)");
      }
    }
    return status;
  }

  private static String reasonOf(Throwable e) {
    StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      reason.append(": ").append(cause.getMessage());
    }
    return reason.toString();
  }
}
