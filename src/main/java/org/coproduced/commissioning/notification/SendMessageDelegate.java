package org.coproduced.commissioning.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.coproduced.commissioning.forms.TaskForm;
import org.springframework.stereotype.Component;

/** The one step of process {@code message-delivery}: sends its message from the outbox. */
@Component
public class SendMessageDelegate implements JavaDelegate {

  private final MessageSender sender;

  public SendMessageDelegate(MessageSender sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sender.send(TaskForm.of(execution).id(MessageQueue.MESSAGE_ID));
  }
}
