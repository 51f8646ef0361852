package org.coproduced.commissioning.forms;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A form value a person must correct. Thrown from a task listener, it rolls the whole completion
 * back (nothing is saved, the task stays open) and Tasklist shows the message to the person.
 */
public class FormInputException extends ProcessEngineException {

  public FormInputException(String message) {
    super(message);
  }
}
