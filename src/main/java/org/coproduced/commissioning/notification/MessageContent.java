package org.coproduced.commissioning.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.coproduced.commissioning.involvement.contribution.Contribution;
import org.coproduced.commissioning.involvement.contribution.ContributionRepository;
import org.coproduced.commissioning.involvement.matching.MatchingProperties;
import org.coproduced.commissioning.notification.Contacts.ExpertContact;
import org.coproduced.commissioning.notification.Contacts.UserContact;
import org.coproduced.commissioning.notification.LinkTokens.Purpose;
import org.coproduced.commissioning.notification.MessageFacts.CycleFacts;
import org.coproduced.commissioning.notification.MessageFacts.FeedbackFacts;
import org.coproduced.commissioning.notification.MessageFacts.InvitationFacts;
import org.coproduced.commissioning.schedule.CycleSchedule;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Everything a message's template needs, gathered when it is sent: the person's address and
 * name, the facts from the application's tables, and fresh links. Also decides that a message is
 * not needed any more (an invitation answered before its reminder went out) or cannot be sent
 * (nobody has an address for the person).
 */
@Component
public class MessageContent {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  /** Creates a link token while the message is prepared; it only lives in the message itself. */
  @FunctionalInterface
  public interface TokenIssuer {
    String issue(Purpose purpose, long targetId, Instant expiresAt);
  }

  /** What to do with a message. */
  public sealed interface Outcome permits Ready, NotSent {}

  /** Send it to this address, filling the template with this model. */
  public record Ready(String address, Map<String, Object> model) implements Outcome {}

  /** Do not send it, for this reason. */
  public record NotSent(OutboxMessage.Status status, String reason) implements Outcome {}

  /** Who to contact with questions, as every message says. */
  public record Contact(String name, String email, String phone) {

    static Contact of(MessageProperties properties) {
      return new Contact(properties.contactName(), blankToNull(properties.contactEmail()),
          blankToNull(properties.contactPhone()));
    }
  }

  /** The links in a message; those that do not apply are {@code null}. */
  public record Links(String accept, String decline, String acknowledge, String tasklist) {}

  /** An invitation as its template shows it. */
  public record InvitationView(String whatIsAsked, String whyAsked, boolean coproduction, String stage,
      String date, String time, int hours, String format, String venue, String whoWillAttend, String cycleTitle,
      String timeline, String replyBy, boolean buddy, String recompense, String amount, String hourlyRate) {}

  /** A cycle as messages show it. */
  public record CycleView(String title, String timeline, String needsSummary, String specificationSummary,
      String winningBidder, String contractStart, String reviewOutcome, String reviewReason,
      String cancellationReason) {}

  /** One contribution and its answer. */
  public record ContributionView(String ref, String said, String outcome, String whatChanged, String whyDecided) {

    public boolean answered() {
      return outcome != null;
    }
  }

  /** A person a coordinator needs to reach. */
  public record PersonView(String ref, String name, String channel) {}

  /** A task as a notice shows it. */
  public record TaskView(String name, String link, long openCount) {}

  private final Contacts contacts;
  private final MessageFacts facts;
  private final ContributionRepository contributions;
  private final TaskService tasks;
  private final SystemAccess system;
  private final MessageProperties properties;
  private final MatchingProperties matching;
  private final CycleSchedule schedule;

  public MessageContent(Contacts contacts, MessageFacts facts, ContributionRepository contributions, TaskService tasks,
      SystemAccess system, MessageProperties properties, MatchingProperties matching, CycleSchedule schedule) {
    this.contacts = contacts;
    this.facts = facts;
    this.contributions = contributions;
    this.tasks = tasks;
    this.system = system;
    this.properties = properties;
    this.matching = matching;
    this.schedule = schedule;
  }

  public Outcome prepare(OutboxMessage message, TokenIssuer tokens) {
    Map<String, Object> model = new HashMap<>();
    model.put("council", properties.councilName());
    model.put("contact", Contact.of(properties));
    String address;
    Recipient recipient = message.recipient();
    if (recipient.type() == Recipient.Type.EXPERT) {
      Optional<ExpertContact> expert = contacts.expert(recipient.id());
      if (expert.isEmpty() || !expert.get().reachableByEmail()) {
        return new NotSent(OutboxMessage.Status.UNDELIVERABLE, recipient.id()
            + " has no email address on record, or no longer wants email. Their coordinator can reach them.");
      }
      address = expert.get().email();
      model.put("name", expert.get().name());
      model.put("usesTasklist", expert.get().tasklistUser() != null
          && expert.get().channel() == org.coproduced.commissioning.experts.ContactChannel.TASKLIST);
    } else {
      Optional<UserContact> user = contacts.user(recipient.id());
      if (user.isEmpty() || user.get().email() == null || user.get().email().isBlank()) {
        return new NotSent(OutboxMessage.Status.UNDELIVERABLE,
            "User " + recipient.id() + " has no email address. Add one in Camunda Admin.");
      }
      address = user.get().email();
      model.put("name", user.get().name());
      model.put("usesTasklist", true);
    }
    Optional<NotSent> notSent = switch (message.kind()) {
      case INVITATION, REMINDER -> invitation(message, model, tokens);
      case FEEDBACK -> feedback(message, model, tokens);
      case STAGE_UPDATE -> stageUpdate(message, model);
      case TASK_NOTICE -> taskNotice(message, model);
      case COORDINATOR_NOTICE -> coordinatorNotice(message, model);
    };
    return notSent.<Outcome>map(n -> n).orElseGet(() -> new Ready(address, model));
  }

  private Optional<NotSent> invitation(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    Optional<InvitationFacts> found = facts.invitation(message.longParam("invitationId"));
    if (found.isEmpty()) {
      return Optional.of(new NotSent(OutboxMessage.Status.UNDELIVERABLE, "The invitation no longer exists."));
    }
    InvitationFacts invitation = found.get();
    if (!"INVITED".equals(invitation.status())) {
      return Optional.of(new NotSent(OutboxMessage.Status.NOT_NEEDED, "The invitation was answered before this went out."));
    }
    Instant now = ProcessClock.now().toInstant();
    Instant sessionOver = invitation.sessionDate().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    if (!sessionOver.isAfter(now)) {
      return Optional.of(new NotSent(OutboxMessage.Status.NOT_NEEDED, "The session date has passed."));
    }
    Instant expires = min(now.plus(properties.linkValidFor()), sessionOver);
    String token = tokens.issue(Purpose.INVITATION_ANSWER, invitation.id(), expires);
    String answer = properties.publicUrl() + "/app/invitations/" + token;
    boolean usesTasklist = Boolean.TRUE.equals(model.get("usesTasklist"));
    model.put("links", new Links(answer + "?answer=accept", answer + "?answer=decline", null,
        usesTasklist ? tasklistHome() : null));
    Instant invitedAt = invitation.invitedAt() == null ? now : invitation.invitedAt();
    BigDecimal amount = matching.hourlyRate().multiply(BigDecimal.valueOf(invitation.durationHours()));
    String recompense = invitation.recompensePreference() == null ? "payment" : invitation.recompensePreference();
    model.put("invitation", new InvitationView(invitation.whatIsAsked(), invitation.whyAsked(),
        "coproduction".equals(invitation.involvementKind()), invitation.stage(), DAY.format(invitation.sessionDate()),
        invitation.sessionTime(), invitation.durationHours(), invitation.sessionFormat(), invitation.venueAndAccess(),
        invitation.whoWillAttend(), invitation.cycleTitle(), invitation.timeline(),
        DAY.format(plus(invitedAt, schedule.invitationFollowUpAfter()).toLocalDate()), invitation.buddy(),
        recompense, pounds(amount), pounds(matching.hourlyRate())));
    return Optional.empty();
  }

  private Optional<NotSent> feedback(OutboxMessage message, Map<String, Object> model, TokenIssuer tokens) {
    long cycleId = message.longParam("cycleId");
    String ref = message.recipient().id();
    Optional<FeedbackFacts> feedback = facts.feedback(cycleId, ref);
    Optional<CycleFacts> cycle = facts.cycle(cycleId);
    if (feedback.isEmpty() || cycle.isEmpty()) {
      return Optional.of(new NotSent(OutboxMessage.Status.UNDELIVERABLE, "No feedback is due to " + ref + "."));
    }
    model.put("cycle", view(cycle.get()));
    List<ContributionView> said = new ArrayList<>();
    for (Contribution c : contributions.findByCycleAndExpert(cycleId, ref)) {
      said.add(new ContributionView(c.ref(), c.said(), c.answerOutcome(), c.whatChanged(), c.whyDecided()));
    }
    model.put("contributions", said);
    String token = tokens.issue(Purpose.FEEDBACK_ACKNOWLEDGEMENT, feedback.get().id(),
        ProcessClock.now().toInstant().plus(properties.linkValidFor()));
    boolean usesTasklist = Boolean.TRUE.equals(model.get("usesTasklist"));
    model.put("links", new Links(null, null, properties.publicUrl() + "/app/feedback/acknowledge/" + token,
        usesTasklist ? tasklistHome() : null));
    return Optional.empty();
  }

  private Optional<NotSent> stageUpdate(OutboxMessage message, Map<String, Object> model) {
    Optional<CycleFacts> cycle = facts.cycle(message.longParam("cycleId"));
    if (cycle.isEmpty()) {
      return Optional.of(new NotSent(OutboxMessage.Status.UNDELIVERABLE, "The cycle no longer exists."));
    }
    model.put("cycle", view(cycle.get()));
    model.put("stage", message.param("stage"));
    return Optional.empty();
  }

  private Optional<NotSent> taskNotice(OutboxMessage message, Map<String, Object> model) {
    Optional<TaskView> task = openTask(message, message.param("assignee"));
    if (task.isEmpty()) {
      return Optional.of(new NotSent(OutboxMessage.Status.NOT_NEEDED, "The task was done before this went out."));
    }
    model.put("task", task.get());
    return Optional.empty();
  }

  private Optional<NotSent> coordinatorNotice(OutboxMessage message, Map<String, Object> model) {
    String reason = message.param("reason");
    model.put("reason", reason);
    List<PersonView> people = new ArrayList<>();
    String refs = message.params().getOrDefault("expertRefs", "");
    for (String ref : refs.split(",")) {
      if (!ref.isBlank()) {
        people.add(contacts.expert(ref.trim())
            .map(e -> new PersonView(e.ref(), e.name(), e.channelInWords()))
            .orElse(new PersonView(ref.trim(), null, null)));
      }
    }
    model.put("people", people);
    if (message.params().containsKey("cycleId")) {
      facts.cycle(message.longParam("cycleId")).ifPresent(cycle -> model.put("cycle", view(cycle)));
      model.put("stage", message.params().get("stage"));
    }
    if (message.params().containsKey("taskId")) {
      Optional<TaskView> task = openTask(message, null);
      if (task.isEmpty()) {
        return Optional.of(new NotSent(OutboxMessage.Status.NOT_NEEDED, "The task was done before this went out."));
      }
      model.put("task", task.get());
    }
    return Optional.empty();
  }

  /** The task named by the message, if still open, with how many like it the person has. */
  private Optional<TaskView> openTask(OutboxMessage message, String assignee) {
    String taskId = message.param("taskId");
    return system.withoutAuthorization(() -> {
      boolean open = tasks.createTaskQuery().taskId(taskId).count() > 0;
      long count = 1;
      if (assignee != null) {
        count = tasks.createTaskQuery().processInstanceId(message.param("processInstanceId"))
            .taskDefinitionKey(message.param("taskDefinitionKey")).taskAssignee(assignee).count();
      }
      if (!open && count == 0) {
        return Optional.empty();
      }
      String link = open ? properties.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId : tasklistHome();
      return Optional.of(new TaskView(message.param("taskName"), link, Math.max(count, 1)));
    });
  }

  private CycleView view(CycleFacts cycle) {
    return new CycleView(cycle.title(), cycle.timeline(), cycle.needsSummary(), cycle.specificationSummary(),
        cycle.winningBidder(), cycle.contractStartDate() == null ? null : DAY.format(cycle.contractStartDate()),
        cycle.reviewOutcome(), cycle.reviewReason(), cycle.cancellationReason());
  }

  private String tasklistHome() {
    return properties.publicUrl() + "/camunda/app/tasklist/";
  }

  private static String pounds(BigDecimal amount) {
    return "£" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  /** Adds an ISO 8601 period such as {@code P5D}, {@code PT30M} or {@code P1DT2H}. */
  static ZonedDateTime plus(Instant start, String iso) {
    ZonedDateTime at = start.atZone(ZoneId.systemDefault());
    int timePart = iso.indexOf('T');
    if (timePart < 0) {
      return at.plus(Period.parse(iso));
    }
    ZonedDateTime withDays = timePart > 1 ? at.plus(Period.parse(iso.substring(0, timePart))) : at;
    return withDays.plus(Duration.parse("P" + iso.substring(timePart)));
  }
}
