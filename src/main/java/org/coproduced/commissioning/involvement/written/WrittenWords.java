package org.coproduced.commissioning.involvement.written;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what someone wrote (or a coordinator took down) before it becomes a contribution: not
 * too long, only characters we can keep, and no web page code. Their words travel to the
 * commissioner's forms, the feedback and perhaps the public page, so text that looks like markup
 * is refused with a message saying what to change, rather than kept and escaped at every turn.
 */
final class WrittenWords {

  /** Long enough for a full letter; longer is refused, not cut. */
  static final int LONGEST = 4000;

  private static final Pattern MARKUP = Pattern.compile("<\\s*[/!?a-zA-Z]|javascript\\s*:|&#?[a-zA-Z0-9]+;",
      Pattern.CASE_INSENSITIVE);

  private WrittenWords() {}

  /** The words without surrounding spaces, or empty when there are none. */
  static String trimmed(String words) {
    return words == null || words.isBlank() ? null : words.strip();
  }

  /** What is wrong with these words, in plain English; empty when they can be kept. */
  static Optional<String> problem(String words) {
    if (words == null) {
      return Optional.empty();
    }
    if (words.length() > LONGEST) {
      return Optional.of("What you wrote is too long: please keep it under " + LONGEST
          + " characters (it has " + words.length() + "). You could send the rest another time, or ask us to call you.");
    }
    if (words.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      return Optional.of("What you wrote contains characters we cannot keep. Please retype it.");
    }
    if (MARKUP.matcher(words).find()) {
      return Optional.of("What you wrote looks like web page code (such as <b> or <script>), which we cannot accept. "
          + "Please write it as plain words. If you need the < sign, put a space after it.");
    }
    return Optional.empty();
  }
}
