package org.coproduced.commissioning.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.BROKEN;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.VALID;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoproductionModelCheckCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** What a cycle's gates and feedback call: the application's own models. */
  private static final String INVOLVEMENT = "processes/involvement-request.bpmn";
  private static final String FEEDBACK = "processes/feedback-delivery.bpmn";

  @Test
  void validModelPrintsOkAndExitsZero() {
    String file = fixture(VALID, "recommission-loop-to-gate");

    assertThat(run(file, INVOLVEMENT, FEEDBACK)).isZero();
    assertThat(out())
        .isEqualTo(String.join(System.lineSeparator(), "OK " + file, "OK " + INVOLVEMENT, "OK " + FEEDBACK)
            + System.lineSeparator());
    assertThat(err()).isEmpty();
  }

  @Test
  void cycleWithoutTheProcessesItCallsIsRefusedAsAnEmptyEngineWouldRefuseIt() {
    String file = fixture(VALID, "recommission-loop-to-gate");

    assertThat(run(file)).isEqualTo(1);
    assertThat(err())
        .contains("REFUSED " + file)
        .contains("has gate 'CallActivity_AnalyseGate', which calls 'involvement-request': its binding 'latest'"
            + " finds no 'involvement-request' deployed or in this deployment.")
        .contains("has feedback call 'CallActivity_Feedback', which calls 'feedback-delivery'");
  }

  @Test
  void brokenModelPrintsTheRefusalAndExitsOne() {
    String file = fixture(BROKEN, "link-event-jumps-past-gate");

    assertThat(run(file)).isEqualTo(1);
    assertThat(err())
        .contains("REFUSED " + file)
        .contains(
            "Deployment refused: process 'link-event-jumps-past-gate' lets a path skip the ANALYSE"
                + " expert gate before its decision task 'Activity_WriteNeedsAssessment'")
        .contains("Gateway_FastTrack → Event_JumpToNeedsAssessment → Event_NeedsAssessmentReached");
  }

  @Test
  void oneBrokenModelAmongValidOnesFailsTheRun() {
    String valid = fixture(VALID, "parallel-gates-both-passed");
    String broken = fixture(BROKEN, "second-start-event-bypass");

    assertThat(run(valid, broken, INVOLVEMENT, FEEDBACK)).isEqualTo(1);
    assertThat(out()).contains("OK " + valid);
    assertThat(err()).contains("REFUSED " + broken);
  }

  @Test
  void missingFileExitsTwo() {
    assertThat(run("processes/no-such-model.bpmn")).isEqualTo(2);
    assertThat(err()).startsWith("UNREADABLE processes/no-such-model.bpmn");
  }

  @Test
  void fileThatIsNotBpmnExitsTwoEvenWhenAnotherModelIsBroken(@TempDir Path dir)
      throws IOException {
    Path notBpmn = Files.writeString(dir.resolve("notes.bpmn"), "not a model");

    assertThat(run(fixture(BROKEN, "timer-boundary-on-gate"), notBpmn.toString())).isEqualTo(2);
    assertThat(err()).contains("UNREADABLE " + notBpmn);
  }

  @Test
  void modelWithoutACycleSaysSoButPasses(@TempDir Path dir) throws IOException {
    // Not involvement-request or feedback-delivery: those are checked whatever their markers.
    Path file = dir.resolve("expert-onboarding.bpmn");
    Bpmn.writeModelToFile(
        file.toFile(),
        Bpmn.createExecutableProcess("expert-onboarding").startEvent().endEvent().done());

    assertThat(run(file.toString())).isZero();
    assertThat(out()).contains("OK " + file + " (no process is marked coproduction:cycle=true");
  }

  @Test
  void noArgumentsPrintsUsageAndExitsTwo() {
    assertThat(CoproductionModelCheckCommand.run(List.of(), print(out), print(err))).isEqualTo(2);
    assertThat(err()).startsWith("Usage:");
  }

  private int run(String... files) {
    return CoproductionModelCheckCommand.run(List.of(files), print(out), print(err));
  }

  private static String fixture(String folder, String name) {
    return ModelCheckFixtures.file(folder, name).toString();
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
