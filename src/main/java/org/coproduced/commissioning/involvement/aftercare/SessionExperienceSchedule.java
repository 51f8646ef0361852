package org.coproduced.commissioning.involvement.aftercare;

import org.springframework.stereotype.Component;

/** The timer of {@code session-experience}: how long the email link works before the process ends quietly. */
@Component
public class SessionExperienceSchedule {

  private final AftercareProperties properties;

  public SessionExperienceSchedule(AftercareProperties properties) {
    this.properties = properties;
  }

  /** As an ISO 8601 duration, for {@code ${sessionExperienceSchedule.answerWithin()}}. */
  public String answerWithin() {
    return properties.answerWithin().toString();
  }
}
