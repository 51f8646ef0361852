package org.coproduced.commissioning.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a {@link FormInputException} reach the person as it was written. The engine wraps every
 * exception a task listener throws in two more ("ENGINE-03051 There was an exception while
 * invoking the TaskListener. Message: 'Exception while invoking TaskListener: ...'"), and
 * Tasklist shows the outer message. This interceptor sits outside the transaction, so the
 * completion has already been rolled back when it hands on the original exception.
 */
@Component
public class FormInputExceptionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withUnwrapping(configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(new Unwrapping());
    if (interceptors != null) {
      all.addAll(interceptors);
    }
    return all;
  }

  static final class Unwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException problem) {
        FormInputException input = find(problem);
        throw input != null ? input : problem;
      }
    }

    static FormInputException find(Throwable problem) {
      for (Throwable cause = problem; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
        if (cause instanceof FormInputException input) {
          return input;
        }
      }
      return null;
    }
  }
}
