package org.coproduced.commissioning.tasknotice;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.coproduced.commissioning.involvement.InvolvementRequest;
import org.coproduced.commissioning.involvement.peerresearch.PeerResearchCallOff;
import org.coproduced.commissioning.stepback.TaskKinds;
import org.springframework.stereotype.Component;

/**
 * Whom or what one task is about, in its name and in Tasklist's "About" column: the person (by
 * reference and channel), the contribution or the bid. Tasks about the whole cycle keep their
 * model's name.
 */
@Component
public class TaskSubjects {

  /** What a task's name says (null: the model's own) and its "About" value (null: none). */
  public record Subject(String name, String about) {
    static final Subject NONE = new Subject(null, null);
  }

  /** Stages in the words of the public pages; the cycle model's markers and the gates' purposes. */
  private static final Map<String, String> STAGES = Map.of("ANALYSE", "Understanding what people need",
      "PLAN", "Designing the service", "CODESIGN", "Designing the service",
      "DO", "Choosing who will run the service", "EVALUATION", "Choosing who will run the service",
      "REVIEW", "Checking how the service is going", "COEVALUATION", "Checking how the service is going");
  private static final String FEEDBACK_STAGE = "Telling people what we did";
  private static final String OFFICER_PREFIX = "officer:";

  private final TaskFacts facts;

  public TaskSubjects(TaskFacts facts) {
    this.facts = facts;
  }

  public Subject of(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    return switch (key) {
      case "Activity_AnswerInvitation" -> invitee(task, who -> "Answer the invitation for " + who);
      case "Activity_FollowUpInvitation" -> invitee(task, who -> "Contact " + who + " about their invitation");
      case "Activity_RecordContribution" -> invitee(task, who -> "Record attendance and what " + refOnly(who) + " said");
      case "Activity_RecordPeerResearch" -> invitee(task, who -> "Record what people told " + who + " as a peer researcher");
      case "Activity_RecordContributionUse" -> contribution(task, ref -> "Say how contribution " + ref + " was used");
      case "Activity_AnswerContribution" -> contribution(task, ref -> "Answer contribution " + ref);
      case "Activity_ReviewSpecification" -> person(task, "reviewerRef", who -> "Review the service specification for " + who);
      case "Activity_DeclareInterests" -> person(task, "evaluatorRef", who -> "Declare any conflict of interest for " + who);
      case "Activity_TalkThroughConflict" -> person(task, "evaluatorRef", who -> "Talk through a possible conflict of interest with " + who);
      case "Activity_ScoreBid" -> bid(task, "Score ", person(task, "evaluatorRef", who -> " for " + who));
      case "Activity_ModerateScores" -> bid(task, "Agree the panel's scores for ", Subject.NONE);
      case "Activity_IssueAssessmentSummary" -> bid(task, "Send the assessment summary to ", Subject.NONE);
      case "Activity_TellPanelOfAward" -> person(task, "panelExpertRef", who -> "Tell " + who + " the award decision");
      case "Activity_FollowUpFeedback" -> person(task, "contributorRef", who -> "Make sure " + who + " has their feedback");
      case "Activity_DeliverFeedbackOffline" -> deliverFeedback(task);
      case "Activity_AnswerFeedbackReply" -> person(task, "expertRef", who -> "Answer the reply from " + who);
      case "Activity_FollowUpExpertTask" -> followUp(task);
      case "Activity_TellExpert" -> PeerResearchCallOff.CALLED_OFF.equals(task.getVariable("news"))
          ? person(task, "expertRef", who -> "Tell " + who + " the peer research is no longer needed, and ask their hours")
          : person(task, "expertRef", who -> "Tell " + who + " about their session");
      case "Activity_CheckInWithExpert" -> person(task, "expertRef", who -> "Check in with " + who + " after their session");
      case "Activity_AskHowItWent" -> person(task, "expertRef", who -> "Ask " + who + " how the session was for them");
      case "Activity_GetInTouch" -> person(task, "expertRef", who -> "Get in touch with " + who + " about their session");
      case "Activity_WriteContribution" -> person(task, "expertRef", who -> "Send your thoughts in writing for " + who);
      case "Activity_TakeDownContribution" -> person(task, "expertRef", who -> "Take down what " + who + " wants to say");
      case "Activity_ArrangeAccessNeeds" -> person(task, "expertRef", who -> null);
      case "Activity_PauseExpert" -> person(task, "expertRef", who -> "Pause the involvement of " + refOnly(who));
      case "Activity_RecordExpertLeaving" -> person(task, "expertRef", who -> "Record that " + refOnly(who) + " has left");
      case "Activity_EraseExpert" -> person(task, "expertRef", who -> "Erase the personal data of " + refOnly(who));
      default -> Subject.NONE;
    };
  }

  /** The stage of the cycle the task belongs to, in plain words. */
  public Optional<String> stage(DelegateTask task) {
    String processKey = task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
    if (processKey.startsWith("feedback-")) {
      return Optional.of(FEEDBACK_STAGE);
    }
    Object gateStage = task.getVariable("stage");
    if (gateStage != null) {
      return Optional.ofNullable(STAGES.get(gateStage.toString()));
    }
    return facts.request(task).map(InvolvementRequest::stage).or(() -> decisionMarker(task)).map(STAGES::get);
  }

  private Subject invitee(DelegateTask task, Function<String, String> name) {
    return facts.invitedExpertRef(task).map(ref -> about(facts.person(ref), name)).orElse(Subject.NONE);
  }

  private Subject person(DelegateTask task, String variable, Function<String, String> name) {
    Object ref = task.getVariable(variable);
    if (ref == null || ref.toString().startsWith(OFFICER_PREFIX)) {
      return Subject.NONE;
    }
    return about(facts.person(ref.toString()), name);
  }

  /** "Contact EX-0004 (by phone): they can't score a bid now", from the reason and the task kind. */
  private Subject followUp(DelegateTask task) {
    String asked = TaskKinds.inWords(String.valueOf(task.getVariable("taskKind")));
    String reason = String.valueOf(task.getVariable("followUpReason"));
    return person(task, "expertRef", who -> switch (reason) {
      case "CANT_NOW" -> "Contact " + who + ": they can't " + asked + " now";
      case "TALK" -> "Talk to " + who + ": they would like to talk about a task (" + asked + ")";
      case "REMINDER" -> "Remind " + who + " to " + asked;
      case "OVERDUE" -> "Check in with " + who + ": the time to " + asked + " has passed";
      case "PANEL_SHORT" -> "Find another scoring panel member: " + refOnly(who) + " stepped back";
      default -> "Follow up with " + who + " about their task";
    });
  }

  private Subject contribution(DelegateTask task, Function<String, String> name) {
    Long id = TaskFacts.id(task, "contributionId");
    return id == null ? Subject.NONE : about(facts.contributionRef(id), name);
  }

  private Subject bid(DelegateTask task, String verb, Subject scorer) {
    Long id = TaskFacts.id(task, "bidId");
    if (id == null) {
      return Subject.NONE;
    }
    String bid = facts.bid(id);
    String forWhom = scorer.name() == null ? "" : scorer.name();
    return new Subject(verb + bid + forWhom, scorer.about() == null ? bid : bid + ", " + scorer.about());
  }

  private Subject deliverFeedback(DelegateTask task) {
    Object ref = task.getVariable("contributorRef");
    if (ref == null) {
      return Subject.NONE;
    }
    Optional<String> channel = facts.channel(ref.toString());
    return new Subject("Deliver feedback " + channel.map(c -> c + " ").orElse("") + "to " + ref,
        facts.person(ref.toString()));
  }

  private static Subject about(String who, Function<String, String> name) {
    return new Subject(name.apply(who), who);
  }

  /** "EX-0009" from "EX-0009 (by phone)", where the channel does not matter to the task. */
  private static String refOnly(String who) {
    int bracket = who.indexOf(" (");
    return bracket < 0 ? who : who.substring(0, bracket);
  }

  /** The stage the cycle model marks a decision task with ({@code coproduction:decision}). */
  private static Optional<String> decisionMarker(DelegateTask task) {
    ExtensionElements extensions = task.getBpmnModelElementInstance() == null ? null
        : task.getBpmnModelElementInstance().getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> "coproduction:decision".equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst();
  }
}
