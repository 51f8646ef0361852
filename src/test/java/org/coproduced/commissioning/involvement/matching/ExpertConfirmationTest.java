package org.coproduced.commissioning.involvement.matching;

import org.coproduced.commissioning.involvement.InvolvementRequestRepository;
import org.coproduced.commissioning.involvement.invitation.Invitation;
import org.coproduced.commissioning.involvement.invitation.InvitationStatus;
import org.coproduced.commissioning.involvement.invitation.InvitationRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.coproduced.commissioning.experts.Expert;
import org.coproduced.commissioning.experts.LivedExperienceAreas;
import org.coproduced.commissioning.support.ApplicationTest;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.PoolFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator confirms the proposal or changes it with a reason; the proposal shows which
 * lived experience it covers and which it does not. Experts here share an area only they have.
 */
@ApplicationTest
class ExpertConfirmationTest {

  static final String REASON = "EX-0001 asked for a break from evening sessions; the other knows the service well.";

  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired LivedExperienceAreas areas;
  @Autowired InvitationRepository invitations;
  @Autowired InvolvementRequestRepository requests;
  @Autowired JdbcClient jdbc;

  PoolFixtures fixtures;
  CycleDriver driver;
  String area;
  String gap;
  String bk;
  ProcessInstance gate;
  Expert first;
  Expert second;
  Expert third;
  LocalDate day;

  @BeforeEach
  void setUp() {
    fixtures = new PoolFixtures(context);
    driver = new CycleDriver(engine);
    area = areas.add("Confirmation test area").code();
    gap = areas.add("Nobody has this area").code();
    first = fixtures.expert("payment", area);
    second = fixtures.expert("payment", area);
    third = fixtures.expert("voucher", area);
    long cycleId = fixtures.cycle("Confirmation test");
    bk = String.valueOf(cycleId);
    gate = engine.getRuntimeService().startProcessInstanceByKey("involvement-request", bk,
        Map.of("cycleId", cycleId, "commissioner", "commissioner", "stage", "ANALYSE"));
    day = CycleDriver.nextSessionDate();
    Map<String, Object> request = CycleDriver.requestFields(day, 1);
    request.put("livedExperience", SpinValues.jsonValue("[\"" + area + "\",\"" + gap + "\"]").create());
    driver.submit(driver.task(bk, "Activity_DescribeRequest"), request);
    driver.acceptRequest(bk);
  }

  @AfterEach
  void tearDown() {
    fixtures.retireAll();
    areas.retire(area);
    areas.retire(gap);
  }

  @Test
  void theConfirmFormShowsWhoIsProposedAndWhichLivedExperienceIsNotCovered() {
    Map<String, Object> shown = engine.getTaskService().getVariables(driver.task(bk, "Activity_ConfirmExperts").getId());

    assertThat(shown.get("proposedExperts")).isEqualTo(first.ref());
    assertThat((String) shown.get("representation")).isEqualTo("Covered: Confirmation test area. Not covered: "
        + "Nobody has this area. Consider adding someone, or asking peer researchers to gather these views.");
    assertThat(requests.get(requestId()).representationGaps()).isEqualTo(gap);
    assertThat(shown.get("benefitsCheckDue")).isEqualTo("");
  }

  @Test
  void confirmingInvitesTheProposal() {
    driver.confirmExperts(bk);

    assertThat(invitedRefs()).containsExactly(first.ref());
  }

  @Test
  void theCoordinatorsNotesAreKeptOutsideTheEngine() {
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), Map.of("proposalConfirmed", true,
        "privateConfirmationNotes", "Their support worker will come with them (confirmation notes)."));

    assertThat(requests.confirmationNotes(requestId()))
        .contains("Their support worker will come with them (confirmation notes).");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("privateConfirmationNotes").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list())
        .noneMatch(detail -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
            .getValue()).contains("(confirmation notes)"));
  }

  @Test
  void theCoordinatorCanReplaceSomeoneAndTheReasonIsKept() {
    driver.submit(driver.task(bk, "Activity_ConfirmExperts"), Map.of("proposalConfirmed", true,
        "removeExpertRefs", first.ref().toLowerCase(), "addExpertRefs", third.ref(), "overrideReason", REASON));

    assertThat(invitedRefs()).containsExactly(third.ref());
    assertThat(invitations.findByRequest(requestId())).filteredOn(i -> i.expertRef().equals(first.ref()))
        .singleElement().extracting(Invitation::status).isEqualTo(InvitationStatus.REMOVED);
    assertThat(jdbc.sql("SELECT override_reason FROM cc_involvement_request WHERE id = ?").param(requestId())
        .query(String.class).single()).isEqualTo(REASON);
    assertThat(jdbc.sql("SELECT overridden_by FROM cc_involvement_request WHERE id = ?").param(requestId())
        .query(String.class).single()).isEqualTo("coordinator");
    assertThat(engine.getRuntimeService().getVariable(gate.getId(), "proposedExperts")).isEqualTo(third.ref());
  }

  @Test
  void someoneAddedWithoutTheLivedExperienceAskedForIsNoted() {
    Expert elsewhere = fixtures.expert("payment", "offending");
    try {
      driver.submit(driver.task(bk, "Activity_ConfirmExperts"), Map.of("proposalConfirmed", true,
          "addExpertRefs", elsewhere.ref(), "overrideReason", "They ran this service's user group."));

      assertThat(invitedRefs()).containsExactlyInAnyOrder(first.ref(), elsewhere.ref());
      assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(gate.getId()).variableName("proposalNotes").singleResult().getValue())
          .isEqualTo(elsewhere.ref() + " was added without the lived experience asked for.");
    } finally {
      jdbc.sql("UPDATE cc_invitation SET status = 'DECLINED' WHERE expert_id = ?").param(elsewhere.id()).update();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a change without a reason      | remove | first  |        | Please say why you changed the proposal",
      "someone not on the proposal    | remove | second | reason | is not on the proposal",
      "someone already on it          | add    | first  | reason | is already on the proposal",
      "a reference nobody has         | add    | EX-9876| reason | There is no expert EX-9876",
      "not a reference                | add    | Sam    | reason | \"Sam\" is not an expert reference",
      "a wellbeing check out of date  | add    | lapsed | reason | needs a wellbeing check before the session",
      "consent out of date            | add    | noconsent | reason | needs their consent renewed",
      "someone paused                 | add    | paused | reason | is paused, has left or has been erased",
      "someone booked at that time    | add    | booked | reason | is booked for another session at the same time"})
  void aChangeThatBreaksTheRulesIsRefusedAndChangesNothing(String description, String change, String who,
      String reason, String message) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("proposalConfirmed", true);
    fields.put(change.equals("remove") ? "removeExpertRefs" : "addExpertRefs", ref(who));
    if (reason != null) {
      fields.put("overrideReason", "They asked to take part.");
    }
    Task confirm = driver.task(bk, "Activity_ConfirmExperts");

    assertThatThrownBy(() -> driver.submit(confirm, fields)).hasMessageContaining(message);

    assertThat(gate).isWaitingAt("Activity_ConfirmExperts");
    assertThat(invitations.findByRequest(requestId())).extracting(Invitation::expertRef, Invitation::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first.ref(), InvitationStatus.PROPOSED));
  }

  private String ref(String who) {
    return switch (who) {
      case "first" -> first.ref();
      case "second" -> second.ref();
      case "lapsed" -> withChange(fixtures.expert("payment", area), "wellbeing_review_on = ?", day.minusDays(1));
      case "noconsent" -> withChange(fixtures.expert("payment", area), "consent_review_on = ?", day.minusDays(1));
      case "paused" -> withChange(fixtures.expert("payment", area), "status = ?", "PAUSED");
      case "booked" -> {
        Expert busy = fixtures.expert("payment", "offending");
        long other = fixtures.session(fixtures.cycle("Other"), "ANALYSE", day, "11:00", 2, "in-person", 1, "offending");
        fixtures.booked(other, busy, InvitationStatus.ACCEPTED);
        yield busy.ref();
      }
      default -> who;
    };
  }

  private String withChange(Expert expert, String assignment, Object value) {
    jdbc.sql("UPDATE cc_expert SET " + assignment + " WHERE id = ?").params(value, expert.id()).update();
    return expert.ref();
  }

  private List<String> invitedRefs() {
    return driver.tasks(bk, "Activity_AnswerInvitation").stream()
        .map(t -> invitations.get(((Number) engine.getTaskService().getVariable(t.getId(), "invitationId")).longValue())
            .expertRef())
        .toList();
  }

  private long requestId() {
    return ((Number) engine.getRuntimeService().getVariable(gate.getId(), "requestId")).longValue();
  }
}
