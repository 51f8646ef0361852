package org.coproduced.commissioning.stepback;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why an expert's task ended without their answer. The first two are the expert's own choice on
 * the task's form; the last is a coordinator's, after the due date passed and they were in touch.
 */
public enum StepBackReason {
  /** "I can't do this now". */
  CANT_NOW("cant-now"),
  /** "I'd like to talk to someone". */
  TALK("talk"),
  /** The due date passed; a coordinator, having been in touch, let the work go on without them. */
  CARRIED_ON("carried-on");

  private final String formValue;

  StepBackReason(String formValue) {
    this.formValue = formValue;
  }

  /** The value of the {@code stepBack} field that stands for this reason. */
  public String formValue() {
    return formValue;
  }

  /** The reason a form value stands for; empty for "I'll answer now" or no value at all. */
  public static Optional<StepBackReason> ofFormValue(Object value) {
    return Arrays.stream(values()).filter(r -> r.formValue.equals(value)).findFirst();
  }
}
