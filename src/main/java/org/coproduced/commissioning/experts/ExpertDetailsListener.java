package org.coproduced.commissioning.experts;

import static org.coproduced.commissioning.experts.ExpertOnboardingVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.coproduced.commissioning.access.AccessGroups;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.forms.TaskForm;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * Saves an expert's record when they join or when a coordinator updates it: consent and its
 * review date, how to contact them, lived experience, recompense preference and benefits advice,
 * the wellbeing check and its review date, buddy and status. Personal details go to the
 * application's tables only; someone joining gets a new pseudonymous reference, which becomes the
 * process's business key.
 */
@Component
public class ExpertDetailsListener implements TaskListener {

  static final List<String> RECOMPENSE_CHOICES = List.of("payment", "voucher", "training", "none");

  private final ExpertRepository experts;
  private final LivedExperienceAreas areas;
  private final IdentityService identity;

  public ExpertDetailsListener(ExpertRepository experts, LivedExperienceAreas areas, IdentityService identity) {
    this.experts = experts;
    this.areas = areas;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForm form = TaskForm.of(task);
    // Read every personal detail first, so none stays in the engine even when a check below fails.
    String name = form.takePrivateText(PRIVATE_NAME, "Name", TaskForm.SHORT_TEXT);
    String email = form.takePrivateText(PRIVATE_EMAIL, "Email address", TaskForm.SHORT_TEXT);
    String phone = form.takePrivateText(PRIVATE_PHONE, "Phone number", 50);
    String address = form.takePrivateText(PRIVATE_POSTAL_ADDRESS, "Postal address", 500);
    String tasklistUser = form.takePrivateText(PRIVATE_TASKLIST_USER, "Tasklist user id", 64);
    String wellbeingNotes = form.takePrivateText(PRIVATE_WELLBEING_NOTES, "Wellbeing notes", TaskForm.LONG_TEXT);
    String interests = form.takePrivateText(PRIVATE_DECLARED_INTERESTS, "Organisations they are connected with", 2000);

    boolean joining = JOIN.equals(form.processText(ONBOARDING_ACTION));
    Expert current = joining ? null : experts.findByRef(form.processText(EXPERT_REF)).orElseThrow();
    ExpertProfile profile = joining ? null : experts.findProfile(current.ref()).orElseThrow();

    ContactChannel channel = ContactChannel.valueOf(form.requiredChoice(CONTACT_CHANNEL, "How they prefer to hear from us",
        "tasklist", "email", "post", "phone").toUpperCase(Locale.ROOT));
    List<String> allowedAreas = new ArrayList<>(areas.activeCodes());
    if (current != null) {
      allowedAreas.addAll(current.livedExperience());
    }
    List<String> lived = form.requiredList(LIVED_EXPERIENCE, "Lived experience they want to share", allowedAreas);
    String recompense = form.requiredChoice(RECOMPENSE_PREFERENCE, "How they want to be thanked",
        RECOMPENSE_CHOICES.toArray(String[]::new));
    boolean adviceOffered = "yes".equals(form.requiredChoice(BENEFITS_ADVICE_OFFERED,
        "Was independent benefits advice offered", "yes", "no"));
    form.requireTicked(CONSENT_GIVEN, "They agree to take part and to us keeping these details");
    LocalDate today = ProcessClock.today();
    LocalDate consentGiven = form.requiredDate(CONSENT_GIVEN_ON, "Date they gave consent");
    LocalDate consentReview = form.requiredDate(CONSENT_REVIEW_ON, "Date to review consent");
    LocalDate wellbeingChecked = form.requiredDate(WELLBEING_CHECKED_ON, "Date of the wellbeing check");
    LocalDate wellbeingReview = form.requiredDate(WELLBEING_REVIEW_ON, "Date of the next wellbeing check");
    if (consentGiven.isAfter(today) || wellbeingChecked.isAfter(today)) {
      throw new FormInputException("Consent and the wellbeing check must already have happened: please give "
          + "today's date or an earlier one.");
    }
    if (!consentReview.isAfter(today) || !wellbeingReview.isAfter(today)) {
      throw new FormInputException("The review dates for consent and wellbeing must be in the future. Until they "
          + "are, nobody will be asked to take part.");
    }
    String buddy = buddy(form, current);
    boolean experienced = form.isTicked(EXPERIENCED);
    ExpertStatus status = joining ? ExpertStatus.ACTIVE : ExpertStatus.valueOf(
        form.requiredChoice(EXPERT_STATUS, "Status", "active", "paused", "left").toUpperCase(Locale.ROOT));

    if (name == null && joining) {
      throw new FormInputException("Please give the name they would like us to use.");
    }
    requireContact(channel, email, phone, address, tasklistUser, profile);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new FormInputException("\"" + email + "\" does not look like an email address.");
    }
    if (tasklistUser != null) {
      checkTasklistUser(tasklistUser, current);
    }

    if (joining) {
      String ref = experts.nextRef();
      experts.insert(new NewExpert(ref, tasklistUser, name, email, phone, address, channel,
          new LinkedHashSet<>(lived), recompense, adviceOffered, consentGiven, consentReview, wellbeingChecked,
          wellbeingReview, wellbeingNotes, buddy, experienced, interests));
      DelegateExecution execution = task.getExecution();
      execution.setVariable(EXPERT_REF, ref);
      execution.setProcessBusinessKey(ref);
      return;
    }
    LocalDate adviceOn = !adviceOffered ? null
        : profile.benefitsAdviceOfferedOn() != null ? profile.benefitsAdviceOfferedOn() : today;
    experts.update(current.id(), new ExpertDetails(channel, new LinkedHashSet<>(lived), recompense, adviceOffered,
        consentGiven, consentReview, wellbeingChecked, wellbeingReview, buddy, experienced, status, name, email, phone,
        address, tasklistUser, wellbeingNotes, interests), adviceOn);
  }

  private String buddy(TaskForm form, Expert self) {
    String typed = form.optionalText(BUDDY_REF, "Buddy", TaskForm.SHORT_TEXT);
    if (typed == null || NO_BUDDY.equals(typed)) {
      return null;
    }
    String ref = typed.toUpperCase(Locale.ROOT);
    Expert buddy = experts.findByRef(ref).filter(b -> !b.erased() && b.status() != ExpertStatus.LEFT)
        .orElseThrow(() -> new FormInputException("There is no expert " + ref + " in the pool to be a buddy."));
    if (self != null && buddy.id() == self.id()) {
      throw new FormInputException("Someone cannot be their own buddy.");
    }
    if (!buddy.experienced()) {
      throw new FormInputException(ref + " has not taken part before, so cannot be a buddy yet.");
    }
    return buddy.ref();
  }

  private static void requireContact(ContactChannel channel, String email, String phone, String address,
      String tasklistUser, ExpertProfile profile) {
    boolean missing = switch (channel) {
      case EMAIL -> email == null && (profile == null || profile.email() == null);
      case PHONE -> phone == null && (profile == null || profile.phone() == null);
      case POST -> address == null && (profile == null || profile.postalAddress() == null);
      case TASKLIST -> tasklistUser == null && (profile == null || profile.expert().tasklistUser() == null);
    };
    if (missing) {
      String what = switch (channel) {
        case EMAIL -> "their email address";
        case PHONE -> "their phone number";
        case POST -> "their postal address";
        case TASKLIST -> "their Tasklist user id";
      };
      throw new FormInputException("They prefer to hear from us by " + channel.name().toLowerCase(Locale.ROOT)
          + ": please give " + what + ".");
    }
  }

  /** The sign-in must exist, belong to the experts group and to nobody else in the pool. */
  private void checkTasklistUser(String userId, Expert self) {
    boolean isExpert = AsApplication.call(() -> identity.createUserQuery().userId(userId)
        .memberOfGroup(AccessGroups.EXPERTS).count() > 0);
    if (!isExpert) {
      throw new FormInputException("There is no Tasklist user \"" + userId + "\" in the experts group. An "
          + "administrator creates the sign-in first (in Admin), with a user id that is not their name.");
    }
    experts.findByTasklistUser(userId).filter(other -> self == null || other.id() != self.id()).ifPresent(other -> {
      throw new FormInputException("The Tasklist user \"" + userId + "\" already belongs to " + other.ref() + ".");
    });
  }
}
