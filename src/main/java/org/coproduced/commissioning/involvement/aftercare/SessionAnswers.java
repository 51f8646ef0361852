package org.coproduced.commissioning.involvement.aftercare;

import java.util.Set;
import java.util.stream.Stream;
import org.coproduced.commissioning.forms.FormInputException;

/**
 * One person's answers to "How was it for you?". Every answer may be left out: {@code null} means
 * they did not say. The first three are "yes", "partly" or "no"; taking part again is "yes",
 * "maybe" or "no"; {@code whatToChange} is their own words.
 */
public record SessionAnswers(String listenedTo, String prepared, String fairlyPaid, String takePartAgain,
    String whatToChange, boolean wantsContact) {

  public static final int LONGEST_CHANGE = 4000;
  private static final Set<String> HOW_FAR = Set.of("yes", "partly", "no");
  private static final Set<String> AGAIN = Set.of("yes", "maybe", "no");

  /** Checks the answers, with a plain message for anything that is not one of the choices. */
  public static SessionAnswers of(String listenedTo, String prepared, String fairlyPaid, String takePartAgain,
      String whatToChange, boolean wantsContact) {
    String change = blankToNull(whatToChange);
    if (change != null && change.length() > LONGEST_CHANGE) {
      throw new FormInputException("What we should change can be up to " + LONGEST_CHANGE
          + " characters. Please make it a little shorter.");
    }
    return new SessionAnswers(choice(listenedTo, HOW_FAR), choice(prepared, HOW_FAR), choice(fairlyPaid, HOW_FAR),
        choice(takePartAgain, AGAIN), change, wantsContact);
  }

  /** Whether they said anything at all, or asked us to get in touch. */
  public boolean anything() {
    return wantsContact || Stream.of(listenedTo, prepared, fairlyPaid, takePartAgain, whatToChange)
        .anyMatch(a -> a != null);
  }

  private static String choice(String value, Set<String> allowed) {
    String answer = blankToNull(value);
    if (answer != null && !allowed.contains(answer)) {
      throw new FormInputException("Please choose one of the answers given, or leave the question out.");
    }
    return answer;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
