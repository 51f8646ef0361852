package org.coproduced.commissioning.involvement.peerresearch;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coproduced.commissioning.forms.FormInputException;

/**
 * People told a peer researcher their views on the understanding that nobody would know who said
 * what. This refuses a point that looks like it says who someone is: a name after a title or
 * after "my name is" or "called", an email address or a phone number. It cannot catch every name
 * (a first name on its own looks like any other word), so the form asks plainly as well.
 */
final class UnnamedWords {

  private static final List<Pattern> NAMING = List.of(
      Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+\\p{Lu}\\p{L}+"),
      Pattern.compile("\\b(?:my name is|(?:she|he|they) is called|(?:she|he|they)'s called|named)\\s+\\p{Lu}\\p{L}+",
          Pattern.CASE_INSENSITIVE),
      Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+"),
      Pattern.compile("(?:\\+44\\s?|\\b0)\\d(?:[\\s-]?\\d){8,9}\\b"));

  private UnnamedWords() {}

  /**
   * @param point the point's number on the form, for the message
   * @throws FormInputException if the point seems to say who someone is
   */
  static void check(int point, String words) {
    for (Pattern pattern : NAMING) {
      Matcher found = pattern.matcher(words);
      if (found.find()) {
        throw new FormInputException("Point " + point + " seems to say who someone is (\"" + found.group()
            + "\"). Please take out names and contact details: we keep what people said, never who said it.");
      }
    }
  }
}
