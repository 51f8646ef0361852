package org.coproduced.commissioning.publication;

import org.coproduced.commissioning.forms.FormInputException;

/**
 * Wording typed for the public page, checked before it is kept: trimmed, not too long, no
 * characters a page cannot show. Markup is kept as typed: every page shows it as text.
 */
final class PublicText {

  static final int TITLE = 200;
  static final int LONG = 4000;

  private PublicText() {}

  static String required(String value, String label, int maxLength) {
    String text = optional(value, label, maxLength);
    if (text == null) {
      throw new FormInputException("Please fill in \"" + label + "\".");
    }
    return text;
  }

  /** The text without surrounding spaces, or {@code null} when empty. */
  static String optional(String value, String label, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > maxLength) {
      throw new FormInputException("\"" + label + "\" is too long: please keep it under " + maxLength
          + " characters.");
    }
    if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      throw new FormInputException("\"" + label + "\" contains characters we cannot show. Please retype it.");
    }
    return text;
  }
}
