package org.coproduced.commissioning.stepback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.coproduced.commissioning.experts.ExpertContacts;
import org.coproduced.commissioning.experts.ExpertDirectory;
import org.coproduced.commissioning.experts.ExpertRepository;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.notification.Deliveries;
import org.coproduced.commissioning.notification.MailTest;
import org.coproduced.commissioning.notification.Mailbox;
import org.coproduced.commissioning.notification.TestMailServer;
import org.coproduced.commissioning.procurement.ProcurementService;
import org.coproduced.commissioning.procurement.ScoringPanel;
import org.coproduced.commissioning.support.CycleDriver;
import org.coproduced.commissioning.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scoring panel left short waits for a new member, in the engine: an expert steps back from one
 * bid (and so from all their bids: one thank-you, one coordinator task), the panel is short, the
 * moderation does not start; a coordinator adds someone found through matching, who joins the
 * running panel, declares their interests and scores each bid; then the moderation starts with
 * their scores. "Only this bid" leaves the expert's other bids open and the panel as it was.
 */
@MailTest
class ShortScoringPanelTest {

  static final String THANKS = "Thank you for letting us know";

  @RegisterExtension static GreenMailExtension mail = TestMailServer.extension();

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired ExpertContacts contacts;
  @Autowired ExpertRepository experts;
  @Autowired ScoringPanel panel;
  @Autowired ProcurementService procurement;
  @Autowired ExpertDirectory directory;
  @LocalServerPort int port;

  CycleDriver driver;

  @BeforeEach
  void setUp() {
    driver = new CycleDriver(engine);
  }

  @Test
  void aShortPanelWaitsForTheNewMemberAndTheModerationUsesTheirScores() {
    ProcessInstance cycle = startAtDeclarations("A panel that waits for a new member");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    List<String> panelExperts = expertsOnPanel(bk);
    assertThat(panelExperts).hasSizeGreaterThanOrEqualTo(2);
    // The one who steps back from scoring reads email, so their thank-you is counted at the mail server.
    String second = panelExperts.stream().filter(contacts::emailReaches).findFirst()
        .orElseThrow(() -> new AssertionError("the demo pool puts someone who reads email on the panel"));
    String first = panelExperts.stream().filter(ref -> !ref.equals(second)).findFirst().orElseThrow();
    Deliveries deliveries = new Deliveries(engine, jdbc);
    // How many joined the session depends on who else the shared pool has booked by now: anyone beyond
    // the two this test follows steps back from declaring first, leaving the officer and two experts.
    panelExperts.stream().filter(ref -> !ref.equals(first) && !ref.equals(second))
        .forEach(extra -> driver.submit(task(bk, "Activity_DeclareInterests", extra), Map.of("stepBack", "talk")));

    // The first expert steps back from declaring; two remain, one of them an expert: nobody waits.
    driver.submit(task(bk, "Activity_DeclareInterests", first), Map.of("stepBack", "cant-now"));
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    List<Task> secondsBids = tasks(bk, "Activity_ScoreBid", second);
    assertThat(secondsBids).hasSize(2);

    // The second steps back from one bid: both their bids end, with one thank-you and one coordinator task.
    driver.submit(secondsBids.get(0), Map.of("stepBack", "cant-now", "onlyThisBid", false));
    assertThat(tasks(bk, "Activity_ScoreBid", second)).isEmpty();
    deliveries.sendAll();
    assertThat(thanks(second)).hasSize(1);
    assertThat(followUps(bk, second, "CANT_NOW")).hasSize(1);
    List<Task> panelShort = followUps(bk, second, "PANEL_SHORT");
    assertThat(panelShort).hasSize(1);

    // The officer scores; the moderation waits for a new member.
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(3)));
    assertThat(driver.tasks(bk, "Activity_ModerateScores")).isEmpty();
    assertThat(cycle).isWaitingAt("Event_PanelSettled");
    assertThat(panel.view(cycleId).orElseThrow().waiting()).isTrue();

    // Bad input changes nothing.
    assertThatThrownBy(() -> panel.add(cycleId, "EX-9999", "coordinator")).isInstanceOf(FormInputException.class)
        .hasMessageContaining("nobody with the reference EX-9999");
    assertThatThrownBy(() -> panel.add(cycleId, second, "coordinator")).isInstanceOf(FormInputException.class)
        .hasMessageContaining("on this scoring panel already");
    assertThatThrownBy(() -> panel.goOn(cycleId, "We have enough views.", false, "coordinator"))
        .isInstanceOf(FormInputException.class).hasMessageContaining("commissioner");
    assertThat(cycle).isWaitingAt("Event_PanelSettled");

    // A coordinator adds someone found through matching: they join the running panel.
    String newcomer = experts.findActive().stream().map(e -> e.ref()).filter(ref -> !panelExperts.contains(ref))
        .filter(contacts::emailReaches).findFirst().orElseThrow();
    panel.add(cycleId, newcomer, "coordinator");
    assertThat(procurement.evaluatorRefs(cycleId, "commissioner")).contains(newcomer);
    assertThatThrownBy(() -> panel.add(cycleId, newcomer, "coordinator")).isInstanceOf(FormInputException.class);
    assertThat(driver.tasks(bk, "Activity_ModerateScores")).isEmpty();
    Task declare = task(bk, "Activity_DeclareInterests", newcomer);
    assertThat(declare.getAssignee()).isEqualTo(directory.tasklistUserOf(newcomer));
    assertThat(declare.getDueDate()).isNotNull();
    driver.submit(declare, Map.of("hasConflict", "no"));
    List<Task> newcomersBids = tasks(bk, "Activity_ScoreBid", newcomer);
    assertThat(newcomersBids).hasSize(2);
    newcomersBids.forEach(t -> driver.submit(t, CycleDriver.scores(5)));

    List<Task> moderation = driver.tasks(bk, "Activity_ModerateScores");
    assertThat(moderation).hasSize(2);
    assertThat(moderation).extracting(t -> String.valueOf(engine.getTaskService().getVariable(t.getId(),
        "scoreSummary"))).allMatch(summary -> summary.contains(newcomer + ": quality 5")
            && summary.contains("Not scored by") && summary.contains(first) && summary.contains(second));
    // Nothing more was sent or asked: one thank-you, one coordinator task each.
    deliveries.sendAll();
    assertThat(thanks(second)).hasSize(1);
    assertThat(followUps(bk, second, "PANEL_SHORT")).hasSize(1);
  }

  @Test
  void goingOnWithTheCommissionersAgreementStartsTheModeration() {
    ProcessInstance cycle = startAtDeclarations("A panel that goes on");
    String bk = cycle.getBusinessKey();
    long cycleId = Long.parseLong(bk);
    List<String> panelExperts = expertsOnPanel(bk);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    for (String expert : panelExperts) {
      driver.submit(tasks(bk, "Activity_ScoreBid", expert).get(0), Map.of("stepBack", "talk"));
    }
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    assertThat(cycle).isWaitingAt("Event_PanelSettled");

    panel.goOn(cycleId, "The bids are clear and the experts' views are in the specification.", true, "coordinator");

    assertThat(cycle).isWaitingAt("Activity_ModerateScores");
    assertThat(panel.view(cycleId)).isEmpty();
  }

  @Test
  void onlyThisBidLeavesTheOtherBidsOpenAndThePanelAsItWas() {
    ProcessInstance cycle = startAtDeclarations("Only this bid");
    String bk = cycle.getBusinessKey();
    List<String> panelExperts = expertsOnPanel(bk);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    String expert = panelExperts.get(0);
    List<Task> bids = tasks(bk, "Activity_ScoreBid", expert);

    driver.submit(bids.get(0), Map.of("stepBack", "cant-now", "onlyThisBid", true));

    assertThat(tasks(bk, "Activity_ScoreBid", expert)).extracting(Task::getId).containsExactly(bids.get(1).getId());
    assertThat(followUps(bk, expert, "CANT_NOW")).singleElement()
        .satisfies(t -> assertThat(t.getName()).contains("score one of the bids"));
    assertThat(followUps(bk, expert, "PANEL_SHORT")).isEmpty();
    driver.tasks(bk, "Activity_ScoreBid").forEach(t -> driver.submit(t, CycleDriver.scores(4)));
    assertThat(cycle).isWaitingAt("Activity_ModerateScores");
  }

  @Test
  void aCoordinatorAddsSomeoneOnTheScoringPanelPageAndAProblemShowsThere() {
    ProcessInstance cycle = startAtDeclarations("Added from the scoring panel page");
    String bk = cycle.getBusinessKey();
    List<String> panelExperts = expertsOnPanel(bk);
    driver.tasks(bk, "Activity_DeclareInterests").forEach(t -> driver.submit(t, Map.of("hasConflict", "no")));
    for (String expert : panelExperts) {
      driver.submit(tasks(bk, "Activity_ScoreBid", expert).get(0), Map.of("stepBack", "cant-now"));
    }
    WebSession coordinator = WebSession.open(port, "tasklist");
    assertThat(coordinator.trySignIn("tasklist", "coordinator", "demo")).isEqualTo(200);
    String path = "/app/cycles/" + bk + "/scoring-panel";
    String page = coordinator.get(path).body();
    assertThat(page).contains("The panel is short", "Add them to the scoring panel", "The commissioner agrees");
    Matcher option = Pattern.compile("<option value=\"(EX-\\d+)\"").matcher(page);
    assertThat(option.find()).as("matching offers someone who could take part").isTrue();
    String newcomer = option.group(1);

    HttpResponse<String> refused = coordinator.postForm(path + "/add", "token", WebSession.formToken(page),
        "expertRef", "");
    assertThat(refused.body()).contains("Please choose who joins the scoring panel.");
    assertThat(tasks(bk, "Activity_DeclareInterests", newcomer)).isEmpty();

    coordinator.postForm(path + "/add", "token", WebSession.formToken(page), "expertRef", newcomer);
    assertThat(tasks(bk, "Activity_DeclareInterests", newcomer)).hasSize(1);
    assertThat(coordinator.get(path).body()).contains(newcomer, "Joined the panel after someone stepped back",
        "The panel has enough members");
  }

  private ProcessInstance startAtDeclarations(String title) {
    ProcessInstance cycle = driver.startCycle(title);
    String bk = cycle.getBusinessKey();
    driver.agreePlan(bk);
    driver.analyse(bk);
    driver.plan(bk);
    driver.tenderToDeclarations(bk);
    return cycle;
  }

  private List<String> expertsOnPanel(String bk) {
    return driver.tasks(bk, "Activity_DeclareInterests").stream().map(t -> ref(t))
        .filter(r -> !r.startsWith("officer:")).sorted().toList();
  }

  private Task task(String bk, String kind, String evaluatorRef) {
    List<Task> found = tasks(bk, kind, evaluatorRef);
    assertThat(found).as("%s for %s", kind, evaluatorRef).hasSize(1);
    return found.get(0);
  }

  private List<Task> tasks(String bk, String kind, String evaluatorRef) {
    return driver.tasks(bk, kind).stream().filter(t -> evaluatorRef.equals(ref(t))).toList();
  }

  private String ref(Task task) {
    return String.valueOf(engine.getTaskService().getVariable(task.getId(), "evaluatorRef"));
  }

  private List<Mailbox.Mail> thanks(String expertRef) {
    return contacts.expert(expertRef).filter(e -> e.reachableByEmail())
        .map(e -> Mailbox.to(mail, e.email()).stream().filter(m -> m.subject().contains(THANKS)).toList())
        .orElse(List.of());
  }

  private List<Task> followUps(String bk, String expertRef, String reason) {
    return engine.getTaskService().createTaskQuery().processDefinitionKey(StepBackVariables.FOLLOW_UP_PROCESS_ID)
        .processVariableValueEquals("cycleId", Long.parseLong(bk))
        .processVariableValueEquals("expertRef", expertRef).processVariableValueEquals("followUpReason", reason)
        .list();
  }
}
