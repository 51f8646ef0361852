package org.coproduced.commissioning.modelcheck;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule.ACKNOWLEDGEMENT_SKIPPED;
import static org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule.FEEDBACK_SKIPPED;
import static org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule.GATE_SKIPPED;
import static org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule.MARKER_MISUSED;
import static org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule.NOTHING_RECORDED;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.BROKEN;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.VALID;
import static org.coproduced.commissioning.modelcheck.ModelCheckFixtures.mark;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.coproduced.commissioning.modelcheck.CoproductionViolation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoproductionModelCheckerTest {

  /** The rule each broken fixture breaks, and the path the refusal must name, in order. */
  private record Expected(Rule rule, Stage stage, List<String> path) {}

  private static Expected gateSkipped(Stage stage, String... path) {
    return new Expected(GATE_SKIPPED, stage, List.of(path));
  }

  private static Expected feedbackSkipped(String... path) {
    return new Expected(FEEDBACK_SKIPPED, null, List.of(path));
  }

  private static final Map<String, Expected> BROKEN_MODELS =
      Map.ofEntries(
          entry(
              "exclusive-default-flow-bypass",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Activity_RegisterCycle",
                  "Gateway_ExpertsAvailable",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "inclusive-gateway-bypass",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Gateway_WhoToInvolve",
                  "Activity_DeskResearch",
                  "Gateway_InvolvementDone",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "parallel-branch-skips-gate",
              gateSkipped(
                  Stage.PLAN,
                  "Event_CycleRequested",
                  "CallActivity_AnalyseGate",
                  "Activity_WriteNeedsAssessment",
                  "Gateway_StartPlanning",
                  "Activity_DraftSpecification")),
          entry(
              "event-based-gateway-bypass",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Gateway_WaitForExperts",
                  "Event_ConfirmationOverdue",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "timer-boundary-on-gate",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "CallActivity_AnalyseGate",
                  "Event_InvolvementOverdue",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "message-boundary-before-gate",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Activity_AgreeInvolvementPlan",
                  "Event_UrgentRequestReceived",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "error-boundary-skips-feedback",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "CallActivity_EvaluationGate",
                  "SubProcess_Procure",
                  "Event_ProcurementFailed",
                  "Event_CycleAbandoned")),
          entry(
              "escalation-end-skips-feedback",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "CallActivity_ReviewGate",
                  "Activity_DecideReviewOutcome",
                  "Gateway_ServiceSafe",
                  "Event_SafeguardingEscalated")),
          entry(
              "terminate-end-before-feedback",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "CallActivity_ReviewGate",
                  "Activity_DecideReviewOutcome",
                  "Gateway_AfterReview",
                  "Activity_ArchiveCycle",
                  "Event_CycleTerminated")),
          entry(
              "event-subprocess-ends-without-feedback",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "Event_CycleCancelled",
                  "Activity_RecordCancellationReason",
                  "Event_CancellationRecorded")),
          entry(
              "link-event-jumps-past-gate",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Activity_AgreeInvolvementPlan",
                  "Gateway_FastTrack",
                  "Event_JumpToNeedsAssessment",
                  "Event_NeedsAssessmentReached",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "second-start-event-bypass",
              gateSkipped(Stage.ANALYSE, "Event_CycleImported", "Activity_WriteNeedsAssessment")),
          entry(
              "recommission-loop-skips-gate",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "CallActivity_AnalyseGate",
                  "Activity_WriteNeedsAssessment",
                  "CallActivity_ReviewGate",
                  "Activity_DecideReviewOutcome",
                  "Gateway_ReviewOutcome",
                  "Activity_WriteNeedsAssessment")),
          entry(
              "feedback-interrupted-by-boundary",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "CallActivity_ReviewGate",
                  "Activity_DecideReviewOutcome",
                  "CallActivity_Feedback",
                  "Event_FeedbackOverdue",
                  "Event_CycleClosedWithoutFeedback")),
          entry(
              "task-without-outgoing-flow",
              feedbackSkipped(
                  "Event_CycleRequested",
                  "CallActivity_ReviewGate",
                  "Activity_DecideReviewOutcome",
                  "Gateway_ReviewOutcome",
                  "Activity_ArchiveCycle")),
          entry(
              "gate-marker-on-user-task",
              gateSkipped(
                  Stage.ANALYSE,
                  "Event_CycleRequested",
                  "Activity_ConfirmExpertsInvolved",
                  "Activity_WriteNeedsAssessment")));

  private final CoproductionModelChecker checker = new CoproductionModelChecker();

  static Stream<Arguments> brokenModels() {
    return ModelCheckFixtures.names(BROKEN).stream()
        .map(name -> Arguments.of(name, BROKEN_MODELS.get(name)));
  }

  static Stream<String> validModels() {
    return ModelCheckFixtures.names(VALID).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenModels")
  void brokenModelIsRefusedWithAMessageNamingItsPath(String name, Expected expected) {
    assertThat(expected).as("expected path for fixture %s", name).isNotNull();
    BpmnModelInstance model = ModelCheckFixtures.read(BROKEN, name);

    assertThat(checker.check(model))
        .anySatisfy(
            violation -> {
              assertThat(violation.rule()).isEqualTo(expected.rule());
              assertThat(violation.stage()).isEqualTo(expected.stage());
              assertThat(violation.path()).containsExactlyElementsOf(expected.path());
            });
    assertThatThrownBy(() -> checker.verify(model))
        .isInstanceOf(CoproductionModelException.class)
        .hasMessageContaining("Deployment refused: process '" + name + "'")
        .hasMessageContaining(String.join(" → ", expected.path()))
        .hasMessageContaining(ruleNamedIn(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validModels")
  void validButUnusualModelIsAccepted(String name) {
    BpmnModelInstance model = ModelCheckFixtures.read(VALID, name);

    assertThat(CoproductionModelChecker.declaresCycle(model)).isTrue();
    assertThat(checker.check(model)).isEmpty();
  }

  @Test
  void corpusCoversEveryBypassShapeAndEachFixtureHasAnExpectedPath() {
    assertThat(ModelCheckFixtures.names(BROKEN))
        .hasSizeGreaterThanOrEqualTo(12)
        .containsExactlyInAnyOrderElementsOf(BROKEN_MODELS.keySet());
    assertThat(ModelCheckFixtures.names(VALID)).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void eachViolationIsOneLineOfTheMessage() {
    BpmnModelInstance model = ModelCheckFixtures.read(BROKEN, "gate-marker-on-user-task");

    assertThatThrownBy(() -> checker.verify(model))
        .satisfies(
            thrown -> {
              List<String> lines = thrown.getMessage().lines().toList();
              assertThat(lines).hasSize(2).allMatch(line -> line.startsWith("Deployment refused: "));
              assertThat(lines.get(0))
                  .contains("'Activity_ConfirmExpertsInvolved'")
                  .contains("only a call activity can be a gate");
              assertThat(lines.get(1))
                  .contains("The process has no call activity marked 'coproduction:gate=ANALYSE'");
            });
  }

  @Test
  void markerProblemNamesTheElementAndTheRule() {
    BpmnModelInstance model = ModelCheckFixtures.read(BROKEN, "gate-marker-on-user-task");

    assertThat(checker.check(model))
        .filteredOn(violation -> violation.rule() == MARKER_MISUSED)
        .singleElement()
        .satisfies(
            violation -> assertThat(violation.offendingElementId())
                .isEqualTo("Activity_ConfirmExpertsInvolved"));
  }

  @Test
  void reportsEveryEndReachedWithoutFeedbackNotJustTheFirst() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("two-ends")
            .startEvent("Event_CycleRequested")
            .exclusiveGateway("Gateway_Outcome")
            .endEvent("Event_Stopped")
            .moveToNode("Gateway_Outcome")
            .endEvent("Event_Abandoned")
            .done();
    mark(model, "two-ends", "coproduction:cycle", "true");

    assertThat(checker.check(model))
        .extracting(CoproductionViolation::offendingElementId)
        .containsExactly("Event_Stopped", "Event_Abandoned");
  }

  @Test
  void feedbackFollowedByAnotherExpertGateDoesNotCount() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("gate-after-feedback")
            .startEvent("Event_CycleRequested")
            .callActivity("CallActivity_Feedback")
            .calledElement("feedback-delivery")
            .callActivity("CallActivity_ReviewGate")
            .calledElement("involvement-request")
            .endEvent("Event_CycleCompleted")
            .done();
    mark(model, "gate-after-feedback", "coproduction:cycle", "true");
    mark(model, "CallActivity_Feedback", "coproduction:feedback", "true");
    mark(model, "CallActivity_ReviewGate", "coproduction:gate", "REVIEW");

    assertThat(checker.check(model))
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.rule()).isEqualTo(FEEDBACK_SKIPPED);
              assertThat(violation.description())
                  .contains("Passing 'CallActivity_Feedback' earlier on this path does not count");
            });
  }

  @Test
  void feedbackMarkerOnACallOfAnotherProcessIsRefused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("wrong-feedback")
            .startEvent("Event_CycleRequested")
            .callActivity("CallActivity_Feedback")
            .calledElement("send-newsletter")
            .endEvent("Event_CycleCompleted")
            .done();
    mark(model, "wrong-feedback", "coproduction:cycle", "true");
    mark(model, "CallActivity_Feedback", "coproduction:feedback", "true");

    assertThat(checker.check(model))
        .extracting(CoproductionViolation::rule)
        .containsExactly(MARKER_MISUSED, FEEDBACK_SKIPPED);
  }

  @Test
  void processNotMarkedAsCycleIsNotChecked() {
    // Not involvement-request or feedback-delivery: those are checked whatever their markers.
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("expert-onboarding").startEvent().endEvent().done();

    assertThat(CoproductionModelChecker.declaresCycle(model)).isFalse();
    assertThat(CoproductionModelChecker.checksAnything(model)).isFalse();
    assertThat(checker.check(model)).isEmpty();
  }

  @Test
  void involvementProcessIsCheckedThoughItIsNoCycle() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("involvement-request")
            .startEvent("Event_InvolvementNeeded")
            .endEvent("Event_InvolvementCompleted")
            .done();

    assertThat(CoproductionModelChecker.checksAnything(model)).isTrue();
    assertThat(checker.check(model))
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.rule()).isEqualTo(NOTHING_RECORDED);
              assertThat(violation.path())
                  .containsExactly("Event_InvolvementNeeded", "Event_InvolvementCompleted");
            });
  }

  @Test
  void contributionListenerOnCreateDoesNotCountAsRecording() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("involvement-request")
            .startEvent("Event_InvolvementNeeded")
            .userTask("Activity_RecordContribution")
            .camundaTaskListenerDelegateExpression("create", "${contributionRecordListener}")
            .endEvent("Event_InvolvementCompleted")
            .done();

    assertThat(checker.check(model)).extracting(CoproductionViolation::rule).containsExactly(NOTHING_RECORDED);
  }

  @Test
  void aGateWhoseOnlyRouteIsPeerResearchStillRecordsContributions() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("involvement-request")
            .startEvent("Event_InvolvementNeeded")
            .userTask("Activity_RecordPeerResearch")
            .camundaTaskListenerDelegateExpression("complete", "${peerResearchRecordListener}")
            .endEvent("Event_InvolvementCompleted")
            .done();

    assertThat(checker.check(model)).isEmpty();
  }

  @Test
  void aGateThatCanBypassBothTheSessionAndThePeerResearchIsRefused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("involvement-request")
            .startEvent("Event_InvolvementNeeded")
            .exclusiveGateway("Gateway_SessionAsked")
            .userTask("Activity_RecordContribution")
            .camundaTaskListenerDelegateExpression("complete", "${contributionRecordListener}")
            .exclusiveGateway("Gateway_AnyContributionsMerge")
            .endEvent("Event_InvolvementCompleted")
            .moveToNode("Gateway_SessionAsked")
            .exclusiveGateway("Gateway_PeerResearchAsked")
            .userTask("Activity_RecordPeerResearch")
            .camundaTaskListenerDelegateExpression("complete", "${peerResearchRecordListener}")
            .connectTo("Gateway_AnyContributionsMerge")
            .moveToNode("Gateway_PeerResearchAsked")
            .connectTo("Gateway_AnyContributionsMerge")
            .done();

    assertThat(checker.check(model))
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.rule()).isEqualTo(NOTHING_RECORDED);
              assertThat(violation.path()).containsExactly("Event_InvolvementNeeded", "Gateway_SessionAsked",
                  "Gateway_PeerResearchAsked", "Gateway_AnyContributionsMerge", "Event_InvolvementCompleted");
              assertThat(violation.description()).contains("'${peerResearchRecordListener}' for peer research");
            });
  }

  @Test
  void peerResearchListenerOnCreateDoesNotCountAsRecording() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("involvement-request")
            .startEvent("Event_InvolvementNeeded")
            .userTask("Activity_RecordPeerResearch")
            .camundaTaskListenerDelegateExpression("create", "${peerResearchRecordListener}")
            .endEvent("Event_InvolvementCompleted")
            .done();

    assertThat(checker.check(model)).extracting(CoproductionViolation::rule).containsExactly(NOTHING_RECORDED);
  }

  @Test
  void theApplicationsCalledProcessesAndThePreviousReleasesPass() {
    for (String model : List.of("processes/involvement-request.bpmn", "processes/feedback-delivery.bpmn",
        "previous/involvement-request-2/involvement-request.bpmn", "released/0.1.0/processes/involvement-request.bpmn", "released/0.1.0/processes/feedback-delivery.bpmn")) {
      assertThat(checker.check(Bpmn.readModelFromStream(getClass().getClassLoader().getResourceAsStream(model))))
          .as(model).isEmpty();
    }
  }

  @Test
  void feedbackProcessThatEndsAtOnceIsRefused() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("feedback-delivery").startEvent("Event_FeedbackDue")
            .endEvent("Event_FeedbackDelivered").done();

    assertThat(checker.check(model))
        .extracting(CoproductionViolation::rule)
        .containsExactly(ACKNOWLEDGEMENT_SKIPPED);
  }

  private static String ruleNamedIn(Expected expected) {
    return expected.rule() == GATE_SKIPPED
        ? "Every path must pass 'coproduction:gate=" + expected.stage() + "' first."
        : "Every path must pass the call activity marked 'coproduction:feedback=true'";
  }
}
