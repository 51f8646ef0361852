package org.coproduced.commissioning.modelcheck;

import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Runs the coproduction model check on {@code .bpmn} files, without an engine or Spring, so a
 * modeller's change can be checked in CI before it is deployed:
 *
 * <pre>./mvnw -q compile exec:java -Dexec.args="processes/commissioning-cycle.bpmn"</pre>
 *
 * <p>Prints {@code OK <file>} for each file that passes and the refusal message for each that
 * does not. Exit status: 0 all passed, 1 some model breaks a rule, 2 a file could not be read
 * (or no file was given).
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
    for (String file : files) {
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromFile(new File(file));
      } catch (RuntimeException e) {
        err.println("UNREADABLE " + file + ": " + reasonOf(e));
        status = Math.max(status, UNREADABLE);
        continue;
      }
      List<CoproductionViolation> violations = checker.check(model);
      if (!violations.isEmpty()) {
        err.println("REFUSED " + file);
        err.println(CoproductionModelException.messageFor(violations));
        status = Math.max(status, VIOLATIONS);
      } else if (CoproductionModelChecker.declaresCycle(model)) {
        out.println("OK " + file);
      } else {
        // Said out loud: a cycle that lost its marker would otherwise pass unchecked.
        out.println("OK " + file + " (no process is marked coproduction:cycle=true: nothing to check)");
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
