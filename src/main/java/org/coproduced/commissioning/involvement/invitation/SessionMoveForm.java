package org.coproduced.commissioning.involvement.invitation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.coproduced.commissioning.forms.FormInputException;
import org.coproduced.commissioning.involvement.RequestDescriptionListener;
import org.coproduced.commissioning.involvement.SessionMove;
import org.coproduced.commissioning.schedule.ProcessClock;
import org.springframework.stereotype.Component;

/**
 * What a coordinator types to move or cancel a session, read and checked with the same rules as a
 * new request (a date not passed, a time like 10:30, one of the formats), each problem in words.
 */
@Component
public class SessionMoveForm {

  /** The longest reason or place kept, as for the other long answers in the forms. */
  static final int LONG_TEXT = 4000;

  /** The new details as typed (blank answers as {@code null}); call {@link #check} before use. */
  public SessionMove read(String date, String time, String format, String venueAndAccess, String reason,
      String shortNoticeReason) {
    LocalDate day = null;
    if (blank(date) == null) {
      throw new FormInputException("Please give the new date of the session.");
    }
    try {
      day = LocalDate.parse(date.strip());
    } catch (DateTimeParseException notADate) {
      throw new FormInputException("Please give the new date like 2027-01-13.");
    }
    return new SessionMove(day, blank(time), blank(format), blank(venueAndAccess), blank(reason),
        blank(shortNoticeReason));
  }

  /** Checks the new details; throws what to correct. */
  public void check(SessionMove move) {
    if (move.date() == null) {
      throw new FormInputException("Please give the new date of the session.");
    }
    if (move.date().isBefore(ProcessClock.today())) {
      throw new FormInputException("The new date has already passed. Please choose a later date.");
    }
    if (move.time() == null || !move.time().matches(RequestDescriptionListener.SESSION_TIME_PATTERN)) {
      throw new FormInputException("Please give the start time like 10:30.");
    }
    if (move.format() == null || !Arrays.asList(RequestDescriptionListener.SESSION_FORMATS).contains(move.format())) {
      throw new FormInputException("Please choose how the session happens: in person, online, by phone, or mixed.");
    }
    text(move.venueAndAccess(), "Please say where the session is, and how it is accessible.");
    reason(move.reason(), "Please say why the session is moving: everyone invited will be told.");
    if (move.shortNoticeReason() != null && move.shortNoticeReason().length() > LONG_TEXT) {
      throw new FormInputException("Please keep why shorter notice is acceptable under " + LONG_TEXT + " characters.");
    }
  }

  /** A reason given for a change, stripped; throws {@code whenMissing} if there is none. */
  public String reason(String reason, String whenMissing) {
    return text(reason, whenMissing);
  }

  private static String text(String value, String whenMissing) {
    String given = blank(value);
    if (given == null) {
      throw new FormInputException(whenMissing);
    }
    if (given.length() > LONG_TEXT) {
      throw new FormInputException("Please keep each answer under " + LONG_TEXT + " characters.");
    }
    return given;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
