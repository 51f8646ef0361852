package org.coproduced.commissioning.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that dates the application computes agree with its timers (tests move
 * the engine clock with {@code ClockUtil}).
 */
public final class ProcessClock {

  private ProcessClock() {}

  public static ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault());
  }

  public static LocalDate today() {
    return now().toLocalDate();
  }

  public static Date toDate(ZonedDateTime time) {
    return Date.from(time.toInstant());
  }
}
